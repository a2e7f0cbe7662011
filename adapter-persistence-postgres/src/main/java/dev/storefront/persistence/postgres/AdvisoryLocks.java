package dev.storefront.persistence.postgres;

import dev.storefront.domain.port.out.LockKey;
import dev.storefront.domain.port.out.Locks;
import java.util.Objects;

/**
 * {@link Locks} as PostgreSQL transaction-level advisory locks ({@code pg_advisory_xact_lock}),
 * held until the write transaction ends, across every instance on the database. A second
 * transaction taking the same key waits; two that wait for each other are a deadlock PostgreSQL
 * detects, and the loser is run again ({@link PostgresTransactions}).
 */
final class AdvisoryLocks implements Locks {
    private final PostgresTransactions transactions;

    AdvisoryLocks(PostgresTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void lock(LockKey key) {
        Objects.requireNonNull(key, "key");
        if (!transactions.inWriteTransaction()) {
            throw new IllegalStateException("a lock is held until the end of a write transaction: take it inside one");
        }
        transactions.withHandle(handle -> handle.createQuery("SELECT pg_advisory_xact_lock(:key)")
                .bind("key", key.asLong())
                .mapTo(String.class)
                .findOne());
    }
}
