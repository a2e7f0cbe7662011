package dev.storefront.persistence.jdbi;

import dev.storefront.domain.port.out.Locks;
import dev.storefront.domain.port.out.Transactions;
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

    /** Write transactions and read-only transactions; nested calls join the outermost one. */
    Transactions transactions();

    /**
     * The locks that use cases take in write transactions before they read what they will write
     * (a no-op check where the engine runs one writer at a time; advisory locks on PostgreSQL).
     */
    Locks locks();

    /** Runs database work on the calling thread's transaction, or on a short autocommit handle. */
    <T> T withHandle(Function<Handle, T> work);

    /** Runs reading work on the calling thread's transaction, or read-only in autocommit. */
    <T> T withReadHandle(Function<Handle, T> work);

    /**
     * Runs {@code action} once the calling thread's transaction has committed, or never if it rolls
     * back; at once when no transaction is bound (the statement has autocommitted).
     */
    void afterCommit(Runnable action);

    /** Whether the calling thread is inside a write transaction. */
    boolean inWriteTransaction();

    /**
     * Whether the calling thread's next statement sees every commit made so far: no transaction is
     * bound, or the bound one has not fixed its snapshot yet.
     */
    boolean nextReadSeesLatestCommits();

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
