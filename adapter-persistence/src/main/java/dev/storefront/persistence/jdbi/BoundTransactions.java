package dev.storefront.persistence.jdbi;

import dev.storefront.domain.port.out.Transactions;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Transactions bound to the calling thread, which the repositories join through its handle: what
 * each engine's transactions give the core beyond the domain's {@link Transactions}.
 */
public interface BoundTransactions extends Transactions {

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
}
