package dev.storefront.domain.port.out;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.session.SessionHandle;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.UserId;
import org.junit.jupiter.api.Test;

class LockKeyTest {

    @Test
    void keysAreNamespacedSoAUsersCartAndTheUserAreDifferentLocks() {
        assertEquals(new LockKey("cart-user:42"), LockKey.cart(CartOwner.user(new UserId(42))));
        assertEquals(new LockKey("user:42"), LockKey.user(new UserId(42)));
        assertNotEquals(LockKey.user(new UserId(42)).asLong(), LockKey.cart(CartOwner.user(new UserId(42))).asLong());
        String handle = "a".repeat(32);
        assertEquals(new LockKey("cart-guest:" + handle), LockKey.cart(CartOwner.guest(new SessionHandle(handle))));
        assertEquals(new LockKey("reset-email:alice@example.com"), LockKey.passwordResets(new Email("Alice@Example.com")));
    }

    @Test
    void theNumberIsTheFirstEightBytesOfTheSha256OfTheNameFixedForEveryAdapterAndRelease() {
        // SHA-256("user:42") = ea3fd43be1e57d62…; pinned so that no change can make two versions lock differently.
        assertEquals(0xea3fd43be1e57d62L, LockKey.user(new UserId(42)).asLong());
        assertNotEquals(LockKey.user(new UserId(1)).asLong(), LockKey.user(new UserId(2)).asLong());
    }

    @Test
    void aKeyNeedsAName() {
        assertThrows(IllegalArgumentException.class, () -> new LockKey(""));
    }
}
