package dev.storefront.application.account;

import dev.storefront.domain.port.in.account.ListSessionsUseCase;
import dev.storefront.domain.port.out.SessionRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.session.Session;
import dev.storefront.domain.session.SessionPolicy;
import dev.storefront.domain.session.TokenDigest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

public final class ListSessionsService implements ListSessionsUseCase {
    private final Transactions transactions;
    private final SessionRepository sessions;
    private final TokenGenerator tokens;
    private final TimeSource time;
    private final SessionPolicy policy;

    @Inject
    public ListSessionsService(Transactions transactions, SessionRepository sessions, TokenGenerator tokens,
                               TimeSource time, AccountSettings settings) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.time = Objects.requireNonNull(time, "time");
        this.policy = settings.sessions();
    }

    @Override
    public List<SessionSummary> listSessions(SessionsQuery query) {
        Instant now = time.now();
        TokenDigest current = tokens.digest(query.currentSession().value());
        return transactions.readOnly(() -> sessions.findByUser(query.userId())).stream()
                .filter(s -> s.isActiveAt(now, policy))
                .filter(s -> !s.pendingSecondFactor()) // a login still owing its second factor is no session yet
                .map(s -> summary(s, current))
                .toList();
    }

    /** The session as the caller may see it: its public handle, never its digest. */
    static SessionSummary summary(Session session, TokenDigest current) {
        return new SessionSummary(session.handle(), session.createdAt(), session.lastSeenAt(), session.userAgent(),
                session.digest().matches(current));
    }
}
