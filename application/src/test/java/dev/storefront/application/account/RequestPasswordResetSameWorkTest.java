package dev.storefront.application.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.in.account.RequestPasswordResetUseCase.RequestPasswordResetCommand;
import dev.storefront.domain.port.out.Locks;
import dev.storefront.domain.port.out.PasswordResetTokenRepository;
import dev.storefront.domain.port.out.RateLimiter;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A known and an unknown email's reset request make the same port calls in the same order (item 8
 * of issue 7: a known email's request used to be measurably slower). Only the hand-off to the
 * asynchronous notifier differs: an unknown email gets no mail.
 */
class RequestPasswordResetSameWorkTest {
    private final AccountKit kit = new AccountKit();
    private final List<String> calls = new ArrayList<>();

    /** {@code delegate}, recording each call as {@code Port.method}. */
    private <T> T recording(Class<T> port, T delegate) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            calls.add(port.getSimpleName() + "." + method.getName());
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }

    private List<String> callsFor(RequestPasswordResetService service, String email) {
        calls.clear();
        service.requestPasswordReset(new RequestPasswordResetCommand(email, "10.0.0.1"));
        return List.copyOf(calls);
    }

    @Test
    void aKnownAndAnUnknownEmailMakeTheSamePortCalls() {
        kit.registered("alice");
        var service = new RequestPasswordResetService(recording(Transactions.class, kit.transactions),
                recording(Locks.class, kit.locks),
                recording(UserRepository.class, kit.users),
                recording(PasswordResetTokenRepository.class, kit.resetTokens),
                recording(TokenGenerator.class, kit.tokens), kit.notifier, recording(RateLimiter.class, kit.limiter),
                kit.events, kit.time, kit.settings);

        List<String> known = callsFor(service, "alice@example.com");
        List<String> unknown = callsFor(service, "nobody@example.com");

        assertEquals(known, unknown);
        assertTrue(known.containsAll(List.of("TokenGenerator.newSecret", "TokenGenerator.digest",
                "UserRepository.findByEmail", "PasswordResetTokenRepository.issue")), known.toString());
        assertEquals(1, kit.notifier.sent().size(), "a mail for the known email only");
    }
}
