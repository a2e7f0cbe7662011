package dev.storefront.application.account;

import dev.storefront.domain.port.in.account.SweepExpiredSessionsUseCase;
import dev.storefront.domain.port.out.PasswordResetTokenRepository;
import dev.storefront.domain.port.out.SessionRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.session.SessionPolicy;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Objects;

public final class SweepExpiredSessionsService implements SweepExpiredSessionsUseCase {
    private final Transactions transactions;
    private final SessionRepository sessions;
    private final PasswordResetTokenRepository resetTokens;
    private final TimeSource time;
    private final SessionPolicy policy;

    @Inject
    public SweepExpiredSessionsService(Transactions transactions, SessionRepository sessions,
                                       PasswordResetTokenRepository resetTokens, TimeSource time,
                                       AccountSettings settings) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.resetTokens = Objects.requireNonNull(resetTokens, "resetTokens");
        this.time = Objects.requireNonNull(time, "time");
        this.policy = settings.sessions();
    }

    @Override
    public int sweepExpired() {
        Instant now = time.now();
        return transactions.inTransaction(() ->
                sessions.deleteExpired(now, now.minus(policy.idleTimeout())) + resetTokens.deleteExpired(now));
    }
}
