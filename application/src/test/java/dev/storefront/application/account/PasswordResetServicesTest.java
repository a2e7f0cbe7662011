package dev.storefront.application.account;

import static dev.storefront.application.account.AccountKit.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.port.in.account.ChangePasswordCommand;
import dev.storefront.domain.port.in.account.ConfirmPasswordResetUseCase.ConfirmPasswordResetCommand;
import dev.storefront.domain.port.in.account.LogInUseCase.LoggedIn;
import dev.storefront.domain.port.in.account.RequestPasswordResetUseCase.RequestPasswordResetCommand;
import dev.storefront.domain.user.InvalidCredentials;
import dev.storefront.domain.user.InvalidResetToken;
import dev.storefront.domain.user.PasswordResetThrottled;
import dev.storefront.domain.user.User;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PasswordResetServicesTest {
    private static final String NEW_PASSWORD = "brand new secret 42";
    private final AccountKit kit = new AccountKit();

    private void request(String email) {
        kit.requestReset.requestPasswordReset(new RequestPasswordResetCommand(email, "10.0.0.1"));
    }

    private void confirm(String token, String password) {
        kit.confirmReset.confirmPasswordReset(new ConfirmPasswordResetCommand(token, password, "10.0.0.1"));
    }

    private String lastToken() {
        return kit.notifier.last().orElseThrow().token();
    }

    @Test
    void aKnownEmailGetsATokenStoredOnlyAsItsDigestAndAnUnknownOneGetsNothing() {
        User alice = kit.registered("alice");
        request("nobody@example.com");
        assertTrue(kit.notifier.sent().isEmpty());
        request("ALICE@example.com");
        var message = kit.notifier.last().orElseThrow();
        assertEquals(alice.email(), message.to());
        assertEquals(kit.time.now().plus(Duration.ofMinutes(30)), message.expiresAt());
        assertTrue(kit.resetTokens.findByDigest(kit.tokens.digest(message.token())).isPresent());
        assertTrue(!message.toString().contains(message.token()));
    }

    @Test
    void aMalformedEmailIsAFieldError() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> request("not-an-email"));
        assertEquals("email", e.violations().get(0).field());
    }

    @Test
    void confirmingSetsThePasswordEndsEverySessionAndUsesTheTokenUp() {
        kit.registered("alice");
        LoggedIn session = kit.login("alice", PASSWORD);
        request("alice@example.com");
        String token = lastToken();
        confirm(token, NEW_PASSWORD);
        assertTrue(kit.resolve(session.session().token()).isEmpty());
        assertThrows(InvalidCredentials.class, () -> kit.login("alice", PASSWORD));
        kit.login("alice", NEW_PASSWORD);
        InvalidResetToken reused = assertThrows(InvalidResetToken.class, () -> confirm(token, "another new secret 7"));
        InvalidResetToken unknown = assertThrows(InvalidResetToken.class, () -> confirm("x".repeat(43), NEW_PASSWORD));
        InvalidResetToken garbage = assertThrows(InvalidResetToken.class, () -> confirm("garbage", NEW_PASSWORD));
        assertEquals(reused.getMessage(), unknown.getMessage());
        assertEquals(reused.getMessage(), garbage.getMessage());
    }

    @Test
    void aTokenExpiresAfterThirtyMinutes() {
        kit.registered("alice");
        request("alice@example.com");
        kit.time.advance(Duration.ofMinutes(30));
        assertThrows(InvalidResetToken.class, () -> confirm(lastToken(), NEW_PASSWORD));
    }

    @Test
    void threeRequestsLeaveThreeWorkingLinksAndUsingAnyOneEndsThemAll() {
        kit.registered("alice");
        request("alice@example.com");
        String owners = lastToken();
        request("alice@example.com");
        request("alice@example.com");
        String newest = lastToken();
        confirm(owners, NEW_PASSWORD);
        assertThrows(InvalidResetToken.class, () -> confirm(newest, "another new secret 7"));
        assertThrows(InvalidResetToken.class, () -> confirm(kit.notifier.sent().get(1).token(), "another new secret 7"));
    }

    @Test
    void aFourthLiveTokenDropsTheOldest() {
        kit.registered("alice");
        var unlimited = new RequestPasswordResetService(kit.transactions, kit.locks, kit.users, kit.resetTokens, kit.tokens,
                kit.notifier, (key, limit, window, now) -> Optional.empty(), kit.events, kit.time, kit.settings);
        for (int i = 0; i < 4; i++) {
            unlimited.requestPasswordReset(new RequestPasswordResetCommand("alice@example.com", "10.0.0.1"));
            kit.time.advance(Duration.ofSeconds(1));
        }
        assertThrows(InvalidResetToken.class, () -> confirm(kit.notifier.sent().get(0).token(), NEW_PASSWORD));
        confirm(kit.notifier.sent().get(1).token(), NEW_PASSWORD);
    }

    @Test
    void theOwnersOwnRequestAfterAnOutsidersTwoGetsAWorkingLinkAndKeepsTheEarlierOnes() {
        kit.registered("alice");
        kit.requestReset.requestPasswordReset(new RequestPasswordResetCommand("alice@example.com", "10.6.6.6"));
        kit.requestReset.requestPasswordReset(new RequestPasswordResetCommand("alice@example.com", "10.6.6.6"));
        request("alice@example.com");
        assertEquals(3, kit.notifier.sent().stream()
                .filter(m -> kit.resetTokens.findByDigest(kit.tokens.digest(m.token())).isPresent()).count());
        confirm(lastToken(), NEW_PASSWORD);
    }

    @Test
    void thePerEmailLimitSpansATokensLifetimeSoNoRequestEverDropsALiveLink() {
        kit.registered("alice");
        for (int i = 0; i < RequestPasswordResetService.MAX_PER_EMAIL; i++) {
            request("alice@example.com");
        }
        kit.time.advance(Duration.ofMinutes(15));
        PasswordResetThrottled limited = assertThrows(PasswordResetThrottled.class, () -> request("alice@example.com"));
        assertEquals(Duration.ofMinutes(15), limited.retryAfter());
        kit.time.advance(Duration.ofMinutes(15));
        request("alice@example.com");
    }

    @Test
    void theRefusalTellsTheOwnerThatTheLinksAlreadyMailedStillWork() {
        kit.registered("alice");
        for (int i = 0; i < RequestPasswordResetService.MAX_PER_EMAIL; i++) {
            request("alice@example.com");
        }
        PasswordResetThrottled limited = assertThrows(PasswordResetThrottled.class, () -> request("alice@example.com"));
        assertTrue(limited.getMessage().contains("reset links already sent still work"), limited.getMessage());
        confirm(kit.notifier.sent().get(0).token(), NEW_PASSWORD);
    }

    @Test
    void aPasswordChangeInvalidatesOutstandingTokens() {
        User alice = kit.registered("alice");
        LoggedIn session = kit.login("alice", PASSWORD);
        request("alice@example.com");
        kit.changePassword.changePassword(new ChangePasswordCommand(alice.id(), session.session().token(), PASSWORD,
                NEW_PASSWORD, "10.0.0.1", "JUnit"));
        assertThrows(InvalidResetToken.class, () -> confirm(lastToken(), "yet another secret 9"));
    }

    @Test
    void aWeakNewPasswordIsAFieldErrorAndLeavesTheTokenUsable() {
        kit.registered("alice");
        request("alice@example.com");
        InvalidInputException weak = assertThrows(InvalidInputException.class, () -> confirm(lastToken(), "short"));
        assertEquals("newPassword", weak.violations().get(0).field());
        confirm(lastToken(), NEW_PASSWORD);
    }

    @Test
    void requestsAreLimitedPerEmailAlikeForKnownAndUnknownEmails() {
        kit.registered("alice");
        for (int i = 0; i < RequestPasswordResetService.MAX_PER_EMAIL; i++) {
            request("alice@example.com");
            request("ghost@example.com");
        }
        assertThrows(PasswordResetThrottled.class, () -> request("alice@example.com"));
        assertThrows(PasswordResetThrottled.class, () -> request("ghost@example.com"));
    }

    @Test
    void aFailingNotifierDoesNotChangeTheAnswer() {
        kit.registered("alice");
        var failing = new RequestPasswordResetService(kit.transactions, kit.locks, kit.users, kit.resetTokens, kit.tokens,
                message -> { throw new IllegalStateException("smtp down"); }, kit.limiter, kit.events, kit.time,
                kit.settings);
        failing.requestPasswordReset(new RequestPasswordResetCommand("alice@example.com", "10.0.0.1"));
    }
}
