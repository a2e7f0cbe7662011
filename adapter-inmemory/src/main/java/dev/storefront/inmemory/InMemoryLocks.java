package dev.storefront.inmemory;

import dev.storefront.domain.port.out.LockKey;
import dev.storefront.domain.port.out.Locks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Locks for the in-memory adapters. {@link InMemoryTransactions} runs one transaction at a time, so
 * a lock adds no exclusion (as on SQLite); it refuses to be taken outside a transaction, as every
 * adapter does, and records the keys, so that tests of the use cases see which they took.
 */
public final class InMemoryLocks implements Locks {
    private final InMemoryTransactions transactions;
    private final List<LockKey> taken = new ArrayList<>();

    public InMemoryLocks(InMemoryTransactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public synchronized void lock(LockKey key) {
        Objects.requireNonNull(key, "key");
        if (!transactions.isActive()) {
            throw new IllegalStateException("a lock is held until the end of a write transaction: take it inside one");
        }
        taken.add(key);
    }

    /** Every key taken so far, in order (repeats included). */
    public synchronized List<LockKey> taken() {
        return List.copyOf(taken);
    }
}
