package dev.storefront.persistence.postgres;

import dev.storefront.domain.common.DatabaseBusy;
import dev.storefront.persistence.jdbi.AfterCommitActions;
import dev.storefront.persistence.jdbi.BoundTransactions;
import java.lang.System.Logger.Level;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * PostgreSQL transactions on a thread-bound handle. Write transactions run READ COMMITTED: the
 * repositories' statements are written to be safe there (conditional stock updates, status
 * compare-and-set, upserts, row and advisory locks where a use case reads before it writes). Read
 * transactions run REPEATABLE READ READ ONLY, so a page and its count see one snapshot.
 *
 * <p>A transaction that loses a serialisation or deadlock race (SQLState 40001, 40P01) is rolled
 * back and run again, up to {@value #MAX_ATTEMPTS} times with a short random pause; only then does
 * the caller get the domain's {@link DatabaseBusy} (503 with {@code Retry-After}). The work is a
 * whole transaction, so running it again is safe; after-commit actions of a failed attempt are
 * dropped with it. A pool that has no connection to give within its timeout is busy too.
 */
public final class PostgresTransactions implements BoundTransactions {
    private static final System.Logger LOG = System.getLogger(PostgresTransactions.class.getName());
    static final int MAX_ATTEMPTS = 5;

    private final Jdbi jdbi;
    private final ThreadLocal<Bound> current = new ThreadLocal<>();

    private static final class Bound {
        final Handle handle;
        final boolean writable;
        boolean used;
        final AfterCommitActions afterCommit = new AfterCommitActions();

        Bound(Handle handle, boolean writable) {
            this.handle = handle;
            this.writable = writable;
        }
    }

    PostgresTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return run(work, true);
    }

    @Override
    public <T> T readOnly(Supplier<T> work) {
        return run(work, false);
    }


    private <T> T run(Supplier<T> work, boolean writable) {
        Bound outer = current.get();
        if (outer != null) {
            if (writable && !outer.writable) {
                throw new IllegalStateException("a write transaction cannot start inside a read-only one");
            }
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work, writable);
            } catch (RuntimeException e) {
                if (!PostgresDialect.isRetryable(e)) {
                    throw translate(e);
                }
                if (attempt == MAX_ATTEMPTS) {
                    LOG.log(Level.WARNING, "a transaction lost " + MAX_ATTEMPTS
                            + " serialisation or deadlock races in a row; answered busy");
                    throw new DatabaseBusy();
                }
                pause(attempt);
            }
        }
    }

    private <T> T once(Supplier<T> work, boolean writable) {
        Handle handle = open();
        try {
            handle.execute(writable ? "BEGIN ISOLATION LEVEL READ COMMITTED"
                    : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
            Bound bound = new Bound(handle, writable);
            current.set(bound);
            T result;
            try {
                result = work.get();
            } catch (Throwable e) {
                // Throwable: a checked exception thrown sneakily must not leave the transaction open.
                rollback(handle);
                throw e;
            }
            try {
                handle.execute("COMMIT");
            } catch (RuntimeException e) {
                rollback(handle);
                throw e;
            }
            current.remove(); // committed: what the actions do is not part of it
            bound.afterCommit.run();
            return result;
        } finally {
            current.remove();
            handle.close();
        }
    }

    private Handle open() {
        try {
            return jdbi.open();
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseBusy();
        }
    }

    /** A pool without a free connection within its timeout: busy, not a failure. */
    static RuntimeException translate(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return new DatabaseBusy();
            }
        }
        return e;
    }

    @Override
    public <T> T withHandle(Function<Handle, T> work) {
        Bound bound = current.get();
        if (bound != null) {
            bound.used = true;
            return work.apply(bound.handle);
        }
        try {
            return jdbi.withHandle(work::apply);
        } catch (RuntimeException e) {
            throw translate(e);
        }
    }

    /** One pool: a READ COMMITTED statement, or the read-only transaction's snapshot, sees what it must. */
    @Override
    public <T> T withReadHandle(Function<Handle, T> work) {
        return withHandle(work);
    }

    @Override
    public void afterCommit(Runnable action) {
        Bound bound = current.get();
        if (bound == null) {
            action.run();
            return;
        }
        bound.afterCommit.add(action);
    }

    @Override
    public boolean inWriteTransaction() {
        Bound bound = current.get();
        return bound != null && bound.writable;
    }

    /**
     * READ COMMITTED statements each see every commit; a REPEATABLE READ transaction fixes its
     * snapshot at its first statement.
     */
    @Override
    public boolean nextReadSeesLatestCommits() {
        Bound bound = current.get();
        return bound == null || bound.writable || !bound.used;
    }

    private static void rollback(Handle handle) {
        try {
            handle.execute("ROLLBACK");
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "rollback failed; the connection was lost", e);
        }
    }
}
