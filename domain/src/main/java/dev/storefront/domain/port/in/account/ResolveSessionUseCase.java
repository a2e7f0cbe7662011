package dev.storefront.domain.port.in.account;

import dev.storefront.domain.session.Session;
import dev.storefront.domain.session.SessionToken;
import dev.storefront.domain.user.User;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the live session behind a presented session id and records the activity. Empty for an
 * unknown, expired or idle-expired id (which the client should forget).
 */
@FunctionalInterface
public interface ResolveSessionUseCase {
    Optional<ResolvedSession> resolveSession(SessionQuery query);

    record SessionQuery(SessionToken token) {
        public SessionQuery {
            Objects.requireNonNull(token, "token");
        }
    }

    /** A live session and, unless it is a guest's, its user. */
    record ResolvedSession(SessionToken token, Session session, Optional<User> user) {
        public ResolvedSession {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(user, "user");
        }
    }
}
