package dev.storefront.domain.port.out;

import dev.storefront.domain.order.IdempotencyKey;
import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Which order a user's checkout idempotency key placed. Keys are per user: two users may use the
 * same key. Joins the caller's transaction, so a key is stored together with its order or not at all.
 */
public interface IdempotencyKeyRepository {

    /** The order the user's key placed, if the key is still kept. */
    Optional<OrderId> find(UserId userId, IdempotencyKey key);

    /**
     * Remembers that the user's key placed the order.
     *
     * @throws IllegalStateException when the user already used the key
     */
    void remember(UserId userId, IdempotencyKey key, OrderId orderId, Instant usedAt);

    /** Forgets the keys used before {@code cutoff}; returns how many. */
    int forgetUsedBefore(Instant cutoff);

    /** Forgets every key of the user (an account deletion); returns how many. */
    int deleteAllOf(UserId userId);
}
