package dev.storefront.application.account;

import dev.storefront.domain.port.in.account.StartGuestSessionUseCase;
import dev.storefront.domain.port.out.SessionRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.session.IssuedSession;
import jakarta.inject.Inject;
import java.util.Objects;

public final class StartGuestSessionService implements StartGuestSessionUseCase {
    private final Transactions transactions;
    private final SessionIssuer issuer;
    private final TimeSource time;

    @Inject
    public StartGuestSessionService(Transactions transactions, SessionRepository sessions, TokenGenerator tokens,
                                    TimeSource time, AccountSettings settings) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.issuer = new SessionIssuer(Objects.requireNonNull(sessions, "sessions"),
                Objects.requireNonNull(tokens, "tokens"), settings.sessions());
        this.time = Objects.requireNonNull(time, "time");
    }

    @Override
    public IssuedSession startGuestSession(StartGuestSessionCommand command) {
        return transactions.inTransaction(() -> issuer.issue(null, command.userAgent(), time.now()));
    }
}
