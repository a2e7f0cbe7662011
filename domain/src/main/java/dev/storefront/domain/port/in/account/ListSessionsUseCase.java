package dev.storefront.domain.port.in.account;

import dev.storefront.domain.session.SessionHandle;
import dev.storefront.domain.session.SessionToken;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The caller's live sessions, most recently seen first, the calling one marked. */
@FunctionalInterface
public interface ListSessionsUseCase {
    List<SessionSummary> listSessions(SessionsQuery query);

    record SessionsQuery(UserId userId, SessionToken currentSession) {
        public SessionsQuery {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(currentSession, "currentSession");
        }
    }

    record SessionSummary(SessionHandle handle, Instant createdAt, Instant lastSeenAt, String userAgent,
                          boolean current) {}
}
