package dev.storefront.domain.session;

import java.util.Objects;

/** A session just created: the secret for the client's cookie, and the session as stored. */
public record IssuedSession(SessionToken token, Session session) {
    public IssuedSession {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(session, "session");
    }

    @Override
    public String toString() {
        return "IssuedSession[" + session.handle() + "]";
    }
}
