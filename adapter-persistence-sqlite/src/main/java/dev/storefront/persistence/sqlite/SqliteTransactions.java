package dev.storefront.persistence.sqlite;

import dev.storefront.domain.common.DatabaseBusy;
import dev.storefront.persistence.jdbi.AfterCommitActions;
import dev.storefront.persistence.jdbi.BoundTransactions;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * SQLite transactions on a thread-bound handle. Writers start with {@code BEGIN IMMEDIATE}, so they
 * take the write lock before their first read and never fail with SQLITE_BUSY on upgrade; readers
 * use a deferred {@code BEGIN}, see one snapshot and cannot write: they run on connections opened
 * read-only ({@code SQLITE_OPEN_READONLY}) when the database has such a pool, otherwise on a pooled
 * writable connection switched to {@code PRAGMA query_only} for the transaction (two more statements
 * per read, which the read-only pool saves). Statements are issued by hand on an autocommit
 * connection, so the driver never opens a transaction of its own.
 *
 * <p>Write transactions of this process queue for an in-process lock before they take a
 * connection and {@code BEGIN IMMEDIATE}. SQLite allows one writer anyway; waiting for it inside
 * SQLite means its busy handler, which polls with sleeps of up to 100 ms, so under many concurrent
 * writers much of the waiting was sleeping after the lock was already free (32 clients adding to
 * carts: p99 over half a second). The lock is not fair on purpose: a strict queue hands the lock
 * to a parked thread that first has to be scheduled. Re-measured once write transactions had
 * become cheap (line-level cart writes, checkpoints off the request path; docs/performance.md),
 * 2 cores: in-process, 16 threads placing orders (CartWriteBenchmark.order -t 16): non-fair
 * 2,300 orders/s, p99 130–150 ms; fair 1,550/s, p99 22–26 ms; no lock 1,800/s, p99 66 ms. Over
 * HTTP (the bench's scenarios, two A/B runs on a quiet machine): non-fair add to cart 3,080 req/s,
 * p99 31–33 ms, checkout 640–690 orders/s, p99 33–34 ms; fair 2,580–2,820 req/s, p99 20–23 ms,
 * 610–725 orders/s, p99 28–32 ms; no lock p99 0.3–1 s (SQLite's sleeping busy handler again).
 * Over HTTP the tails are alike and non-fair has the throughput, so it stays. The busy timeout
 * still covers writers in other processes.
 *
 * <p><b>Group commit.</b> Write transactions that arrive while another runs are queued; whichever
 * caller next gets the lock runs the queued ones (at most {@value #MAX_BATCH}) one after another in
 * a single SQLite transaction, each inside its own {@code SAVEPOINT}, and commits once. Each keeps
 * its own outcome: one that throws is rolled back to its savepoint and rethrown to its caller only;
 * the others commit. Their callers wait until that COMMIT, so an answer still means committed. A
 * lone transaction runs without savepoints, exactly as before. What it saves is a BEGIN and a
 * COMMIT (whose WAL write is most of a small transaction's cost: pages shared by the batch are
 * written once) and a lock hand-over to a thread that first has to be woken per transaction; see
 * docs/performance.md for the measurements. Should the transaction itself break (a failed
 * {@code ROLLBACK TO}, a failed COMMIT, an {@link Error}), every unit that ran in it fails with
 * that cause and nothing of it is committed; units not yet run get a fresh transaction.
 *
 * <p>When another process holds SQLite's lock past the busy timeout, the caller gets the domain's
 * {@link dev.storefront.domain.common.DatabaseBusy} (a 503 over HTTP) instead of SQLite's
 * exception; see {@link SqliteBusy}. Once a {@code BEGIN IMMEDIATE} has waited the whole busy
 * timeout in vain, write transactions fail that way at once for {@link #BUSY_BACKOFF_NANOS} (the
 * {@code Retry-After} a client is given): otherwise every batch queued behind it waited its own
 * busy timeout again, 50 concurrent cart writes took over 30 s to be answered, and writers parked
 * in the queue held the server's worker threads (docs/reliability.md).
 */
public final class SqliteTransactions implements BoundTransactions {
    private static final System.Logger LOG = System.getLogger(SqliteTransactions.class.getName());

    private final Jdbi jdbi;
    private final Consumer<Connection> discardConnection;
    private final Jdbi readOnlyJdbi;
    private final Consumer<Connection> discardReadOnlyConnection;
    private final ThreadLocal<Bound> current = new ThreadLocal<>();
    private final ReentrantLock writers = new ReentrantLock();
    /** Write transactions waiting for a batch; taken off only by the holder of {@code writers}. */
    private final ConcurrentLinkedQueue<Unit<?>> pending = new ConcurrentLinkedQueue<>();

    /** Off: every write transaction runs alone, on its caller's thread (see {@link #groupCommit}). */
    private volatile boolean groupCommit = true;
    /** How long write transactions fail at once after a BEGIN found the lock taken past the busy timeout. */
    static final long BUSY_BACKOFF_NANOS = 1_000_000_000L;
    private volatile long busyBackoffNanos = BUSY_BACKOFF_NANOS;
    /** When the last BEGIN that found the lock taken failed; read and written under {@code writers}. */
    private long lockLastBusyAt;
    private boolean lockFoundBusy;

    /** SQLite transactions begun for writes; written under {@code writers} only. */
    private volatile long writeTransactions;

    /** Around each unit of a batch; a name no work of ours uses for savepoints of its own. */
    private static final String SAVEPOINT = "storefront_batch_unit";

    /** The most write transactions one batch runs before it commits (bounds a batch's latency). */
    static final int MAX_BATCH = 32;

    /** One write transaction's work and outcome. Its fields are written by the batch that runs it. */
    private static final class Unit<T> {
        final Supplier<T> work;
        final Thread caller;
        T result;
        Throwable failure;
        AfterCommitActions afterCommit;
        /** Whether its work ran to the end (a null result is a result too). */
        boolean ran;
        /** Whether its work left the running thread interrupted: passed on to its caller. */
        boolean leftInterrupted;
        /** Set last, after the outcome: the caller reads the outcome once it sees this. */
        volatile boolean done;

        Unit(Supplier<T> work, Thread caller) {
            this.work = work;
            this.caller = caller;
        }

        void run() {
            result = work.get();
            ran = true;
        }

        void fail(Throwable cause) {
            result = null;
            ran = false;
            afterCommit = null;
            failure = cause;
        }
    }

    /** The thread's transaction; only its own thread touches the mutable fields. */
    private static final class Bound {
        final Handle handle;
        final boolean writable;
        /** Whether a statement ran, so the snapshot (taken by a deferred BEGIN's first read) is fixed. */
        boolean used;
        AfterCommitActions afterCommit;

        Bound(Handle handle, boolean writable) {
            this.handle = handle;
            this.writable = writable;
        }
    }

    SqliteTransactions(Jdbi jdbi, Consumer<Connection> discardConnection) {
        this(jdbi, discardConnection, null, null);
    }

    /** @param readOnlyJdbi on connections that SQLite opened read-only, or {@code null} to use query_only */
    SqliteTransactions(Jdbi jdbi, Consumer<Connection> discardConnection, Jdbi readOnlyJdbi,
                     Consumer<Connection> discardReadOnlyConnection) {
        this.jdbi = jdbi;
        this.discardConnection = discardConnection;
        this.readOnlyJdbi = readOnlyJdbi;
        this.discardReadOnlyConnection = discardReadOnlyConnection;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return run(work, true);
    }

    @Override
    public <T> T readOnly(Supplier<T> work) {
        return run(work, false);
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
            throw SqliteBusy.translate(e);
        }
    }

    /**
     * Like {@link #withHandle} for work that only reads: outside a transaction it runs on a read-only
     * connection in autocommit, one statement being its own snapshot, without the two round trips
     * of {@code BEGIN} and {@code COMMIT}.
     */
    @Override
    public <T> T withReadHandle(Function<Handle, T> work) {
        if (current.get() != null) {
            return withHandle(work);
        }
        try {
            return (readOnlyJdbi != null ? readOnlyJdbi : jdbi).withHandle(work::apply);
        } catch (RuntimeException e) {
            throw SqliteBusy.translate(e);
        }
    }

    /**
     * Runs {@code action} once the thread's transaction has committed (still under the writers'
     * lock), or never if it rolls back. Without a transaction the statement has autocommitted, so
     * the action runs at once.
     */
    @Override
    public void afterCommit(Runnable action) {
        Bound bound = current.get();
        if (bound == null) {
            action.run();
            return;
        }
        if (bound.afterCommit == null) {
            bound.afterCommit = new AfterCommitActions();
        }
        bound.afterCommit.add(action);
    }

    /** Whether the calling thread is inside a write transaction. */
    @Override
    public boolean inWriteTransaction() {
        Bound bound = current.get();
        return bound != null && bound.writable;
    }

    /**
     * Whether the calling thread's next statement sees every commit made so far: no transaction is
     * bound, or the bound one has not read yet (SQLite fixes a deferred transaction's snapshot at
     * its first read).
     */
    @Override
    public boolean nextReadSeesLatestCommits() {
        Bound bound = current.get();
        return bound == null || !bound.used;
    }

    /**
     * Runs work while this process's write transactions wait for it, outside any transaction: the
     * WAL checkpointer's {@code RESTART}, which would otherwise send them into SQLite's sleeping
     * busy handler.
     */
    <T> T holdingWriters(Callable<T> work) throws Exception {
        writers.lock();
        try {
            return work.call();
        } finally {
            writers.unlock();
            wakeNextLeader();
        }
    }

    private <T> T run(Supplier<T> work, boolean writable) {
        Bound outer = current.get();
        if (outer != null) {
            if (writable && !outer.writable) {
                throw new IllegalStateException("a write transaction cannot start inside a read-only one");
            }
            return work.get();
        }
        try {
            return writable ? write(work) : readTransaction(work);
        } catch (RuntimeException e) {
            // Once, at the outermost call: inner work sees SQLite's own failure, as before.
            throw SqliteBusy.translate(e);
        }
    }

    /**
     * Queues the work, then either waits while the lock holder runs it in a batch, or takes the
     * lock and runs batches itself until its own work is done. Only the lock holder takes work off
     * the queue and it completes all it took before letting go, so a caller holding the lock whose
     * work is not done finds it still queued.
     */
    private <T> T write(Supplier<T> work) {
        Unit<T> unit = new Unit<>(work, Thread.currentThread());
        if (!groupCommit) {
            writers.lock();
            try {
                runBatch(List.of(unit));
            } finally {
                writers.unlock();
                wakeNextLeader();
            }
            return outcome(unit, false);
        }
        pending.add(unit);
        boolean interrupted = false;
        while (!unit.done) {
            if (writers.tryLock()) {
                try {
                    while (!unit.done) {
                        runBatch(takeBatch());
                    }
                } finally {
                    if (!unit.done) {
                        // Leaving abnormally (an Error): still queued means not run, and never will be.
                        pending.remove(unit);
                    }
                    writers.unlock();
                    wakeNextLeader();
                }
            } else {
                // Woken when a batch has done this work, or when the lock is free and this is next.
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
        }
        return outcome(unit, interrupted);
    }

    /** The unit's result or failure, to its caller, with the interrupt status that is the caller's. */
    private static <T> T outcome(Unit<T> unit, boolean interruptedWhileWaiting) {
        if (interruptedWhileWaiting || unit.leftInterrupted) {
            Thread.currentThread().interrupt();
        }
        if (unit.failure != null) {
            throw SqliteTransactions.<RuntimeException>sneaky(unit.failure);
        }
        return unit.result;
    }

    /**
     * Turns group commit on (the default) or off. Off, each write transaction runs on its caller's
     * own thread, alone in its SQLite transaction, as before group commit: for a host whose code
     * inside write transactions relies on the calling thread (thread-locals, a thread-bound data
     * source), at the price of the throughput group commit brings under concurrent writers.
     */
    void groupCommit(boolean enabled) {
        groupCommit = enabled;
    }

    /**
     * After letting go of the lock: work queued by a caller that found the lock taken and parked
     * would otherwise wait for nobody. (Its enqueue came before its failed tryLock, which came
     * before this unlock, so this read sees it.)
     */
    private void wakeNextLeader() {
        Unit<?> next = pending.peek();
        if (next != null) {
            LockSupport.unpark(next.caller);
        }
    }

    /** Sets how long writes fail at once after the lock was found taken past the busy timeout (tests). */
    void busyBackoff(long nanos) {
        busyBackoffNanos = nanos;
    }

    /** Write transactions waiting for a batch (for tests and diagnostics). */
    int queuedWrites() {
        return pending.size();
    }

    /** SQLite transactions begun for write transactions so far: fewer than those when batched. */
    long writeTransactionsBegun() {
        return writeTransactions;
    }

    private List<Unit<?>> takeBatch() {
        List<Unit<?>> batch = new ArrayList<>(Math.min(MAX_BATCH, 8));
        Unit<?> unit;
        while (batch.size() < MAX_BATCH && (unit = pending.poll()) != null) {
            batch.add(unit);
        }
        return batch;
    }

    /**
     * Runs every unit of the batch, in order, and completes each, whatever happens. Interrupts stay
     * with whom they were meant for: the leader's own status is kept aside meanwhile, and a unit's
     * work starts uninterrupted and hands whatever it leaves to its own caller.
     */
    private void runBatch(List<Unit<?>> batch) {
        boolean leaderInterrupted = Thread.interrupted();
        try {
            int next = 0;
            while (next < batch.size()) {
                next = runInOneTransaction(batch, next);
            }
            for (Unit<?> unit : batch) {
                if (unit.afterCommit != null) {
                    unit.afterCommit.run();
                }
            }
        } finally {
            Thread self = Thread.currentThread();
            for (Unit<?> unit : batch) {
                if (unit.failure == null && !unit.ran) {
                    unit.fail(new IllegalStateException("write transaction not run: its batch was cut short"));
                }
                unit.done = true;
                if (unit.caller != self) {
                    LockSupport.unpark(unit.caller);
                }
            }
            Thread.interrupted();
            if (leaderInterrupted) {
                self.interrupt();
            }
        }
    }

    /**
     * Runs units from {@code from} on in one transaction (savepoints around each when there is
     * more than one) and commits; returns the index of the first unit it did not run, which is
     * {@code batch.size()} unless the transaction broke.
     */
    private int runInOneTransaction(List<Unit<?>> batch, int from) {
        if (lockFoundBusy && System.nanoTime() - lockLastBusyAt < busyBackoffNanos) {
            failAll(batch, from, batch.size(), new DatabaseBusy());
            return batch.size();
        }
        lockFoundBusy = false;
        Handle handle;
        try {
            handle = jdbi.open();
        } catch (Throwable e) {
            failAll(batch, from, batch.size(), e);
            return batch.size();
        }
        boolean healthy = true;
        int next = from;
        try {
            handle.execute("BEGIN IMMEDIATE");
            writeTransactions++; // only the lock holder writes it
            boolean savepoints = batch.size() - from > 1;
            Throwable broken = null;
            for (; next < batch.size() && broken == null; next++) {
                Unit<?> unit = batch.get(next);
                Bound bound = new Bound(handle, true);
                bound.used = next > from; // the transaction's snapshot is already taken
                current.set(bound);
                try {
                    if (savepoints) {
                        handle.execute("SAVEPOINT " + SAVEPOINT);
                    }
                    unit.run();
                    if (savepoints) {
                        handle.execute("RELEASE " + SAVEPOINT);
                    }
                    unit.afterCommit = bound.afterCommit;
                } catch (Throwable e) {
                    unit.fail(e);
                    healthy &= !isDatabaseFailure(e);
                    if (!savepoints || e instanceof VirtualMachineError || !rollbackToSavepoint(handle)) {
                        broken = e;
                    }
                } finally {
                    current.remove();
                    unit.leftInterrupted = Thread.interrupted();
                }
            }
            if (broken != null) {
                healthy &= rollback(handle);
                // The unit that broke it has its own failure; the others ran fine but are lost with it.
                failAll(batch, from, next, new IllegalStateException(
                        "write transaction rolled back with its batch after another's failure", broken));
                return next;
            }
            RuntimeException notCommitted = commit(handle);
            if (notCommitted != null) {
                healthy = false;
                failAll(batch, from, next, notCommitted);
            }
            return next;
        } catch (Throwable e) {
            // BEGIN failed (the busy timeout ran out while another process wrote), or worse.
            healthy = false;
            if (SqliteBusy.isLockBusy(e)) {
                lockFoundBusy = true;
                lockLastBusyAt = System.nanoTime();
            }
            rollback(handle);
            failAll(batch, from, batch.size(), e);
            return batch.size();
        } finally {
            release(handle, healthy);
        }
    }

    /** Gives the connection back, or discards it; a failure here must not cut a batch short. */
    private void release(Handle handle, boolean healthy) {
        try {
            Connection connection = handle.getConnection();
            handle.close();
            if (!healthy) {
                discardConnection.accept(connection);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not give a write connection back", e);
        }
    }

    /** Units in [from, to) that have not failed yet fail with {@code cause}: nothing of theirs commits. */
    private static void failAll(List<Unit<?>> batch, int from, int to, Throwable cause) {
        for (int i = from; i < to; i++) {
            Unit<?> unit = batch.get(i);
            if (unit.failure == null) {
                unit.fail(cause);
            }
        }
    }

    private static boolean rollbackToSavepoint(Handle handle) {
        try {
            handle.execute("ROLLBACK TO " + SAVEPOINT);
            handle.execute("RELEASE " + SAVEPOINT);
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "rollback to a savepoint failed; the batch's transaction is rolled back", e);
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable failure) throws E {
        throw (E) failure;
    }

    /** A read-only transaction: a deferred BEGIN on a read-only (or query_only) connection. */
    private <T> T readTransaction(Supplier<T> work) {
        boolean readOnlyConnection = readOnlyJdbi != null;
        Handle handle = readOnlyConnection ? readOnlyJdbi.open() : jdbi.open();
        boolean healthy = true;
        try {
            if (!readOnlyConnection) {
                // SQLite itself refuses every write on this connection until it is switched back below.
                handle.execute("PRAGMA query_only = ON");
            }
            handle.execute("BEGIN");
            Bound bound = new Bound(handle, false);
            current.set(bound);
            T result;
            try {
                result = work.get();
            } catch (Throwable e) {
                // Throwable, not RuntimeException | Error: a checked exception thrown sneakily must
                // not leave the transaction open on a pooled connection.
                healthy = rollback(handle) && !isDatabaseFailure(e);
                throw e;
            }
            RuntimeException notCommitted = commit(handle);
            if (notCommitted != null) {
                healthy = false;
                throw notCommitted;
            }
            if (bound.afterCommit != null) {
                current.remove(); // committed: what the actions do is not part of it
                bound.afterCommit.run();
            }
            return result;
        } catch (JdbiException e) {
            healthy = false;
            throw e;
        } finally {
            current.remove();
            if (!readOnlyConnection && healthy) {
                healthy = leaveQueryOnly(handle);
            }
            Connection connection = handle.getConnection();
            handle.close();
            if (!healthy) {
                // After a failed transaction the connection's state is unknown: do not reuse it.
                (readOnlyConnection ? discardReadOnlyConnection : discardConnection).accept(connection);
            }
        }
    }

    /** Commits; if that fails, rolls back and returns the failure ({@code null}: committed). */
    private static RuntimeException commit(Handle handle) {
        try {
            handle.execute("COMMIT");
            return null;
        } catch (RuntimeException e) {
            rollback(handle);
            return e;
        }
    }

    private static boolean rollback(Handle handle) {
        try {
            handle.execute("ROLLBACK");
            return true;
        } catch (RuntimeException e) {
            // SQLite rolls back by itself after some errors (SQLITE_FULL, SQLITE_IOERR, …).
            if (String.valueOf(e.getMessage()).contains("no transaction is active")) {
                return true;
            }
            LOG.log(Level.WARNING, "rollback failed; the connection is discarded", e);
            return false;
        }
    }

    private static boolean leaveQueryOnly(Handle handle) {
        try {
            handle.execute("PRAGMA query_only = OFF");
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not make the connection writable again; it is discarded", e);
            return false;
        }
    }

    private static boolean isDatabaseFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JdbiException || t instanceof SQLException) {
                return true;
            }
        }
        return false;
    }
}
