package dev.storefront.inmemory;

import dev.storefront.domain.order.IdempotencyKey;
import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.port.out.IdempotencyKeyRepository;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Idempotency keys in a map, per user, restored with the other stores on rollback. */
public final class InMemoryIdempotencyKeyRepository implements IdempotencyKeyRepository,
        InMemoryTransactions.Participant {
    private record Key(UserId userId, IdempotencyKey key) {}

    private record Use(OrderId orderId, Instant usedAt) {}

    private final Map<Key, Use> keys = new HashMap<>();

    public InMemoryIdempotencyKeyRepository(InMemoryTransactions transactions) {
        transactions.register(this);
    }

    @Override
    public synchronized Runnable snapshot() {
        return Snapshots.of(this, keys);
    }

    @Override
    public synchronized Optional<OrderId> find(UserId userId, IdempotencyKey key) {
        return Optional.ofNullable(keys.get(new Key(userId, key))).map(Use::orderId);
    }

    @Override
    public synchronized void remember(UserId userId, IdempotencyKey key, OrderId orderId, Instant usedAt) {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(usedAt, "usedAt");
        if (keys.putIfAbsent(new Key(Objects.requireNonNull(userId, "userId"), Objects.requireNonNull(key, "key")),
                new Use(orderId, usedAt)) != null) {
            throw new IllegalStateException("user " + userId + " already used this idempotency key");
        }
    }

    @Override
    public synchronized int forgetUsedBefore(Instant cutoff) {
        int before = keys.size();
        keys.values().removeIf(use -> use.usedAt().isBefore(cutoff));
        return before - keys.size();
    }

    @Override
    public synchronized int deleteAllOf(UserId userId) {
        int before = keys.size();
        keys.keySet().removeIf(key -> key.userId().equals(userId));
        return before - keys.size();
    }
}
