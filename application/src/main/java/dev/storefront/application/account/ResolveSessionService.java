package dev.storefront.application.account;

import dev.storefront.domain.common.DatabaseBusy;
import dev.storefront.domain.port.in.account.ResolveSessionUseCase;
import dev.storefront.domain.port.out.SessionRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.session.Session;
import dev.storefront.domain.session.SessionPolicy;
import dev.storefront.domain.session.SessionWithUser;
import dev.storefront.domain.session.TokenDigest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves a presented session id. Expired sessions are only ignored here; the sweeper deletes
 * them in bulk. Activity is written at most once per {@link SessionPolicy#touchInterval()}, and
 * skipped when the database is busy.
 */
public final class ResolveSessionService implements ResolveSessionUseCase {
    private final Transactions transactions;
    private final SessionRepository sessions;
    private final TokenGenerator tokens;
    private final TimeSource time;
    private final SessionPolicy policy;

    @Inject
    public ResolveSessionService(Transactions transactions, SessionRepository sessions, TokenGenerator tokens,
                                 TimeSource time, AccountSettings settings) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.time = Objects.requireNonNull(time, "time");
        this.policy = settings.sessions();
    }

    @Override
    public Optional<ResolvedSession> resolveSession(SessionQuery query) {
        Instant now = time.now();
        TokenDigest digest = tokens.digest(query.token().value());
        // One read, outside a transaction: it is a single statement, so its own snapshot.
        Optional<SessionWithUser> found = sessions.findWithUser(digest).filter(s -> s.session().isActiveAt(now, policy));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Session session = found.get().session();
        if (session.needsTouch(now, policy)) {
            try {
                transactions.inTransaction(() -> sessions.touch(digest, now));
                session = session.touchedAt(now);
            } catch (DatabaseBusy e) {
                // The last-seen time only saves writes and keeps the idle timeout honest within a
                // touch interval: a locked database must not fail the request; a later one writes it.
            }
        }
        // A session pending a second factor carries no user: nothing may take it for a login.
        return Optional.of(new ResolvedSession(query.token(), session,
                session.pendingSecondFactor() ? Optional.empty() : found.get().user()));
    }
}
