package dev.storefront.domain.port.out;

import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.user.UserId;

/**
 * Locks held until the end of the calling thread's write transaction ({@link Transactions#inTransaction}),
 * commit or rollback; there is no unlock. A use case that reads state and then writes what it read
 * (a cart, a user row, the reset tokens of an email) takes its lock first, before the read, so that
 * a second request for the same key waits and then reads what the first one wrote.
 *
 * <p>Taking a key the transaction already holds (also from a nested call) returns at once. Different
 * keys never wait for each other, except where the engine serialises whole write transactions anyway.
 * Callers take at most a few keys per transaction, always cart before user, so two use cases cannot
 * wait for each other in a cycle.
 *
 * <p>On an engine that runs one write transaction at a time (SQLite, the in-memory fakes) a lock
 * adds nothing and may be a no-op; on PostgreSQL it is {@code pg_advisory_xact_lock(key.asLong())}.
 *
 * @throws IllegalStateException from every method when called outside a write transaction
 */
public interface Locks {

    /** Takes the lock on {@code key} for the rest of the current write transaction. */
    void lock(LockKey key);

    /** The owner's cart, before it is loaded to be changed or checked out. */
    default void lockCart(CartOwner owner) {
        lock(LockKey.cart(owner));
    }

    /** The user, before its row is read to be written back whole. */
    default void lockUser(UserId id) {
        lock(LockKey.user(id));
    }
}
