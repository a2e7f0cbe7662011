package dev.storefront.persistence.jdbi;

import dev.storefront.domain.port.out.Locks;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * A database the JDBI repositories work on, whichever engine it is: its transactions, the handle
 * bound to the calling thread's transaction, the few SQL differences of its engine ({@link Dialect})
 * and the feed of changes other processes make ({@link ChangeFeed}). The engine modules implement it
 * ({@code adapter-persistence-sqlite}, {@code adapter-persistence-postgres}); opening one applies
 * its pending schema migrations.
 */
public interface Database extends AutoCloseable {

    /** The engine's name as {@code GET /health} reports it: {@code sqlite} or {@code postgresql}. */
    String engine();

    Dialect dialect();

    /** Write transactions and read-only transactions, bound to the thread; nested calls join the outermost one. */
    BoundTransactions transactions();

    /**
     * The locks that use cases take in write transactions before they read what they will write
     * (a no-op check where the engine runs one writer at a time; advisory locks on PostgreSQL).
     */
    Locks locks();

    /** Runs database work on the calling thread's transaction, or on a short autocommit handle. */
    default <T> T withHandle(Function<Handle, T> work) {
        return transactions().withHandle(work);
    }

    /** Runs reading work on the calling thread's transaction, or read-only in autocommit. */
    default <T> T withReadHandle(Function<Handle, T> work) {
        return transactions().withReadHandle(work);
    }

    /** See {@link BoundTransactions#afterCommit}. */
    default void afterCommit(Runnable action) {
        transactions().afterCommit(action);
    }

    /** Whether the calling thread is inside a write transaction. */
    default boolean inWriteTransaction() {
        return transactions().inWriteTransaction();
    }

    /** See {@link BoundTransactions#nextReadSeesLatestCommits}. */
    default boolean nextReadSeesLatestCommits() {
        return transactions().nextReadSeesLatestCommits();
    }

    /** Changes to cached data made elsewhere: by other processes or by SQL outside the repositories. */
    ChangeFeed changes();

    /** Whether the database answers a trivial query. */
    default boolean isAvailable() {
        try {
            return withHandle(h -> h.createQuery("SELECT 1").mapTo(Integer.class).one()) == 1;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    void close();
}
