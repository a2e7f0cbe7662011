package dev.storefront.application.account;

import dev.storefront.domain.port.out.SessionRepository;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.session.IssuedSession;
import dev.storefront.domain.session.Session;
import dev.storefront.domain.session.SessionPolicy;
import dev.storefront.domain.session.SessionToken;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.UserId;
import java.time.Instant;

/** Creates and stores sessions: a fresh secret and handle, only the secret's digest stored. */
final class SessionIssuer {
    private final SessionRepository sessions;
    private final TokenGenerator tokens;
    private final SessionPolicy policy;

    SessionIssuer(SessionRepository sessions, TokenGenerator tokens, SessionPolicy policy) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.policy = policy;
    }

    /** Must run inside a write transaction. {@code user} null: a guest session. */
    IssuedSession issue(UserId user, String userAgent, Instant now) {
        String secret = tokens.newSecret();
        Session session = Session.start(tokens.newHandle(), tokens.digest(secret), user, userAgent, now, policy);
        sessions.add(session);
        return new IssuedSession(SessionToken.of(secret), session);
    }

    /**
     * Must run inside a write transaction. A session of a user who still owes the second factor;
     * {@code guestSession} (or null) is the digest of the guest session to hand over later.
     */
    IssuedSession issuePending(UserId user, String userAgent, Instant now, TokenDigest guestSession) {
        String secret = tokens.newSecret();
        Session session = Session.pendingSecondFactor(tokens.newHandle(), tokens.digest(secret), user, userAgent, now,
                policy, guestSession);
        sessions.add(session);
        return new IssuedSession(SessionToken.of(secret), session);
    }
}
