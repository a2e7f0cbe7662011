package dev.storefront.http.account;

import dev.storefront.domain.port.in.account.ListSessionsUseCase.SessionSummary;
import java.util.List;

/** {@code {"items": [{"id", "createdAt", "lastSeenAt", "userAgent", "current"}]}}; {@code id} is the public handle. */
public record SessionListResponse(List<SessionResponse> items) {

    public record SessionResponse(String id, String createdAt, String lastSeenAt, String userAgent, boolean current) {
        static SessionResponse from(SessionSummary session) {
            return new SessionResponse(session.handle().value(), Timestamps.format(session.createdAt()),
                    Timestamps.format(session.lastSeenAt()), session.userAgent(), session.current());
        }
    }

    public static SessionListResponse from(List<SessionSummary> sessions) {
        return new SessionListResponse(sessions.stream().map(SessionResponse::from).toList());
    }
}
