package dev.storefront.application.account;

import dev.storefront.domain.port.in.account.StartGuestSessionUseCase;
import dev.storefront.domain.port.out.RateLimiter;
import dev.storefront.domain.port.out.SessionRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.session.GuestSessionsThrottled;
import dev.storefront.domain.session.IssuedSession;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Objects;

/**
 * Starts a guest session, limited per client address ({@link SignUpLimits#guestSessionsPerHour()}):
 * each holds a cart until it expires, so unlimited, one client could fill the database.
 */
public final class StartGuestSessionService implements StartGuestSessionUseCase {
    private final Transactions transactions;
    private final SessionIssuer issuer;
    private final TimeSource time;
    private final RateLimiter limiter;
    private final int perHour;

    @Inject
    public StartGuestSessionService(Transactions transactions, SessionRepository sessions, TokenGenerator tokens,
                                    TimeSource time, AccountSettings settings, RateLimiter limiter,
                                    SignUpLimits limits) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.issuer = new SessionIssuer(Objects.requireNonNull(sessions, "sessions"),
                Objects.requireNonNull(tokens, "tokens"), settings.sessions());
        this.time = Objects.requireNonNull(time, "time");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.perHour = limits.guestSessionsPerHour();
    }

    @Override
    public IssuedSession startGuestSession(StartGuestSessionCommand command) {
        Instant now = time.now();
        if (command.clientAddress() != null) {
            limiter.tryAcquire("guest-address:" + command.clientAddress(), perHour, SignUpLimits.WINDOW, now)
                    .ifPresent(wait -> {
                        throw new GuestSessionsThrottled(wait);
                    });
        }
        return transactions.inTransaction(() -> issuer.issue(null, command.userAgent(), now));
    }
}
