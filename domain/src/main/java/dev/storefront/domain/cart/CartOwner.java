package dev.storefront.domain.cart;

import dev.storefront.domain.session.SessionHandle;
import dev.storefront.domain.user.UserId;
import java.util.Objects;

/**
 * Whose cart: a logged-in user's (saved across sessions, devices and restarts) or a guest
 * session's (until it logs in, when it is merged into the user's, or expires).
 */
public sealed interface CartOwner {

    record User(UserId userId) implements CartOwner {
        public User {
            Objects.requireNonNull(userId, "userId");
        }
    }

    record Guest(SessionHandle session) implements CartOwner {
        public Guest {
            Objects.requireNonNull(session, "session");
        }
    }

    static CartOwner user(UserId userId) {
        return new User(userId);
    }

    static CartOwner guest(SessionHandle session) {
        return new Guest(session);
    }
}
