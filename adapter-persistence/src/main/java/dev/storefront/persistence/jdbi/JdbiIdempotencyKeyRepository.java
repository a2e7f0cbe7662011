package dev.storefront.persistence.jdbi;

import dev.storefront.domain.order.IdempotencyKey;
import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.port.out.IdempotencyKeyRepository;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Checkout idempotency keys in {@code idempotency_key}, keyed by user and key. */
public final class JdbiIdempotencyKeyRepository implements IdempotencyKeyRepository {
    private final Database database;

    public JdbiIdempotencyKeyRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<OrderId> find(UserId userId, IdempotencyKey key) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(key, "key");
        return database.withHandle(h -> h.createQuery(
                        "SELECT order_id FROM idempotency_key WHERE user_id = :userId AND key_text = :key")
                .bind("userId", userId.value())
                .bind("key", key.value())
                .mapTo(Long.class)
                .findOne())
                .map(OrderId::new);
    }

    @Override
    public void remember(UserId userId, IdempotencyKey key, OrderId orderId, Instant usedAt) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(usedAt, "usedAt");
        int rows = database.withHandle(h -> h.createUpdate("INSERT INTO idempotency_key (user_id, key_text, order_id,"
                        + " used_at) VALUES (:userId, :key, :orderId, :usedAt) ON CONFLICT (user_id, key_text) DO NOTHING")
                .bind("userId", userId.value())
                .bind("key", key.value())
                .bind("orderId", orderId.value())
                .bind("usedAt", usedAt.toEpochMilli())
                .execute());
        if (rows != 1) {
            throw new IllegalStateException("user " + userId + " already used this idempotency key");
        }
    }

    @Override
    public int forgetUsedBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return database.withHandle(h -> h.createUpdate("DELETE FROM idempotency_key WHERE used_at < :cutoff")
                .bind("cutoff", cutoff.toEpochMilli())
                .execute());
    }
}
