package dev.storefront.persistence.sqlite;

import dev.storefront.domain.port.out.LockKey;
import dev.storefront.domain.port.out.Locks;
import java.util.Objects;

/**
 * {@link Locks} for SQLite, which runs one write transaction at a time ({@code BEGIN IMMEDIATE}
 * under the process's writer lock): whatever a transaction locks, no other writer can run until it
 * ends, so taking a lock is only checking that there is a write transaction to hold it.
 */
final class SerialisedWriterLocks implements Locks {
    private final SqliteTransactions transactions;

    SerialisedWriterLocks(SqliteTransactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public void lock(LockKey key) {
        Objects.requireNonNull(key, "key");
        if (!transactions.inWriteTransaction()) {
            throw new IllegalStateException("a lock is held until the end of a write transaction: take it inside one");
        }
    }
}
