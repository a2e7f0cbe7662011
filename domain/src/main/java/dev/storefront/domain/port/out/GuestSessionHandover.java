package dev.storefront.domain.port.out;

import dev.storefront.domain.session.SessionHandle;
import dev.storefront.domain.user.UserId;

/**
 * Told when a guest logs in: the guest session is about to end and the user's new session to begin,
 * inside the login transaction. The cart feature implements it to merge the guest's cart (keyed by
 * the guest session's handle) into the user's saved cart. Throwing aborts the login.
 */
@FunctionalInterface
public interface GuestSessionHandover {

    void guestLoggedIn(SessionHandle guestSession, SessionHandle userSession, UserId user);

    GuestSessionHandover NONE = (guest, session, user) -> { };
}
