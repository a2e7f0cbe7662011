package dev.storefront.persistence.jdbi;

import dev.storefront.domain.order.IdempotencyKey;
import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.port.out.IdempotencyKeyRepository;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Checkout idempotency keys in {@code idempotency_key}, keyed by user and key. */
public final class JdbiIdempotencyKeyRepository implements IdempotencyKeyRepository {
    /** Every statement, the same on every engine. */
    interface Statements {
        @SqlQuery("SELECT order_id FROM idempotency_key WHERE user_id = :userId AND key_text = :key")
        Optional<Long> find(long userId, String key);

        @SqlUpdate("INSERT INTO idempotency_key (user_id, key_text, order_id, used_at)"
                + " VALUES (:userId, :key, :orderId, :usedAt) ON CONFLICT (user_id, key_text) DO NOTHING")
        int remember(long userId, String key, long orderId, long usedAt);

        @SqlUpdate("DELETE FROM idempotency_key WHERE used_at < :cutoff")
        int forgetUsedBefore(long cutoff);

        @SqlUpdate("DELETE FROM idempotency_key WHERE user_id = :userId")
        int deleteAllOf(long userId);
    }

    private final Database database;

    public JdbiIdempotencyKeyRepository(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Optional<OrderId> find(UserId userId, IdempotencyKey key) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(key, "key");
        return statements(sql -> sql.find(userId.value(), key.value())).map(OrderId::new);
    }

    @Override
    public void remember(UserId userId, IdempotencyKey key, OrderId orderId, Instant usedAt) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(usedAt, "usedAt");
        int rows = statements(sql -> sql.remember(userId.value(), key.value(), orderId.value(), usedAt.toEpochMilli()));
        if (rows != 1) {
            throw new IllegalStateException("user " + userId + " already used this idempotency key");
        }
    }

    @Override
    public int forgetUsedBefore(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return statements(sql -> sql.forgetUsedBefore(cutoff.toEpochMilli()));
    }

    @Override
    public int deleteAllOf(UserId userId) {
        Objects.requireNonNull(userId, "userId");
        return statements(sql -> sql.deleteAllOf(userId.value()));
    }

    /** On the calling thread's transaction, or a short autocommit handle. */
    private <T> T statements(Function<Statements, T> work) {
        return database.withHandle(h -> work.apply(h.attach(Statements.class)));
    }
}
