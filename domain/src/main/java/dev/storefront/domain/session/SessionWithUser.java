package dev.storefront.domain.session;

import dev.storefront.domain.user.User;
import java.util.Objects;
import java.util.Optional;

/**
 * A session together with the user it belongs to, read in one step; {@code user} is empty for a
 * guest session.
 */
public record SessionWithUser(Session session, Optional<User> user) {
    public SessionWithUser {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(user, "user");
        if (session.isGuest() != user.isEmpty()) {
            throw new IllegalArgumentException("a guest session has no user and a user's session has one");
        }
    }
}
