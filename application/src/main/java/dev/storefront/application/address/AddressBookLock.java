package dev.storefront.application.address;

import dev.storefront.domain.common.NotAuthenticatedException;
import dev.storefront.domain.port.out.Locks;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.user.UserId;

/** What every address-book write does first, inside its write transaction. */
final class AddressBookLock {
    private AddressBookLock() {}

    /**
     * Takes the user's lock (so the count and the default are read and written without a concurrent
     * change of the same book), then the user's row: an account deletion holds that row while it
     * erases the addresses, so a write either finishes before it (and is erased with the rest) or
     * finds the user gone (401) — it can never leave an address behind on an erased account.
     */
    static void take(Locks locks, UserRepository users, UserId userId) {
        locks.lockUser(userId);
        users.findByIdForUpdate(userId).orElseThrow(() -> new NotAuthenticatedException("Login required"));
    }
}
