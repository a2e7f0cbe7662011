package dev.storefront.inmemory;

import dev.storefront.domain.port.out.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Transactions for the in-memory adapters, with the same guarantees as the database: one writer
 * at a time, nested calls join, and a {@link RuntimeException} restores every registered store to
 * its state at the start of the outermost transaction.
 */
public final class InMemoryTransactions implements Transactions {

    /** A store whose state can be captured at the start of a transaction and put back on rollback. */
    public interface Participant {
        /** Returns a way to put the current state back. */
        Runnable snapshot();
    }

    // One lock for reads and writes keeps the fakes simple; they are not built for throughput.
    private final ReentrantLock lock = new ReentrantLock();
    private final List<Participant> participants = new CopyOnWriteArrayList<>();

    public void register(Participant participant) {
        participants.add(participant);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return run(work);
    }

    @Override
    public <T> T readOnly(Supplier<T> work) {
        return run(work);
    }

    /** Whether the calling thread is inside a transaction. */
    public boolean isActive() {
        return lock.isHeldByCurrentThread();
    }

    private <T> T run(Supplier<T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return work.get();
            }
            List<Runnable> restore = new ArrayList<>();
            for (Participant participant : participants) {
                restore.add(participant.snapshot());
            }
            try {
                return work.get();
            } catch (Throwable e) {
                // Throwable: a checked exception thrown sneakily restores too, as in the database.
                restore.forEach(Runnable::run);
                throw e;
            }
        } finally {
            lock.unlock();
        }
    }
}
