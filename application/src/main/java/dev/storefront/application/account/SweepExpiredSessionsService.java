package dev.storefront.application.account;

import dev.storefront.domain.port.in.account.SweepExpiredSessionsUseCase;
import dev.storefront.domain.port.out.EmailVerificationTokenRepository;
import dev.storefront.domain.port.out.PasswordResetTokenRepository;
import dev.storefront.domain.port.out.SessionRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.session.SessionPolicy;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Objects;

/**
 * Deletes expired sessions (a guest's cart goes with its session), reset and verification tokens. Sessions go in
 * batches of {@value #BATCH}, one transaction each: a flood of guest sessions expiring together
 * must not hold the write lock for seconds (100,000 in one transaction stalled every write for over
 * a second; see docs/reliability.md).
 */
public final class SweepExpiredSessionsService implements SweepExpiredSessionsUseCase {
    /** Sessions deleted per transaction. */
    public static final int BATCH = 100;
    private final Transactions transactions;
    private final SessionRepository sessions;
    private final PasswordResetTokenRepository resetTokens;
    private final EmailVerificationTokenRepository verificationTokens;
    private final TimeSource time;
    private final SessionPolicy policy;

    @Inject
    public SweepExpiredSessionsService(Transactions transactions, SessionRepository sessions,
                                       PasswordResetTokenRepository resetTokens,
                                       EmailVerificationTokenRepository verificationTokens, TimeSource time,
                                       AccountSettings settings) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.resetTokens = Objects.requireNonNull(resetTokens, "resetTokens");
        this.verificationTokens = Objects.requireNonNull(verificationTokens, "verificationTokens");
        this.time = Objects.requireNonNull(time, "time");
        this.policy = settings.sessions();
    }

    @Override
    public int sweepExpired() {
        Instant now = time.now();
        Instant idleCutoff = now.minus(policy.idleTimeout());
        int swept = 0;
        int batch;
        do {
            batch = transactions.inTransaction(() -> sessions.deleteExpired(now, idleCutoff, BATCH));
            swept += batch;
        } while (batch == BATCH);
        return swept + transactions.inTransaction(() -> resetTokens.deleteExpired(now)
                + verificationTokens.deleteExpired(now));
    }
}
