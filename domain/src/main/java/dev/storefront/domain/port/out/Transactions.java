package dev.storefront.domain.port.out;

import java.util.function.Supplier;

/**
 * The transaction boundary. A use case wraps its load-modify-save in one call; every repository
 * used inside joins that transaction. Calls nest: an inner call joins the outer transaction.
 * A {@link RuntimeException} thrown by the work rolls everything back and is rethrown.
 *
 * <p>An implementation may run a write transaction's work on another thread than its caller's
 * (the SQLite adapter commits queued write transactions together, on whichever caller's thread
 * leads the batch), while the caller waits for the outcome. Work passed to {@link #inTransaction}
 * must therefore not depend on the calling thread: no thread-locals of the caller, no interrupts
 * aimed at it, and no waiting for a lock the caller itself holds.
 */
public interface Transactions {

    /** Runs work that writes, holding the write lock from the start (no upgrade deadlocks). */
    <T> T inTransaction(Supplier<T> work);

    /** Runs work that only reads, on one consistent snapshot. */
    <T> T readOnly(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
