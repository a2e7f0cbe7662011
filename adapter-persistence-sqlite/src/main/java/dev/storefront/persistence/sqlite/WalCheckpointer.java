package dev.storefront.persistence.sqlite;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Copies the WAL back into the database file on a thread of its own, so that no request pays for
 * it. With SQLite's auto-checkpoint, the commit that takes the WAL past 1,000 pages copies them
 * and fsyncs the database file (with {@code synchronous=NORMAL} the only fsyncs there are) in the
 * committing request's thread, holding the write lock: a third of the in-process time of an order
 * (docs/performance.md). The pool's connections therefore run with {@code wal_autocheckpoint=0},
 * and every {@code intervalMillis} this thread runs, on a connection of its own:
 *
 * <ol>
 *   <li>a {@code PASSIVE} checkpoint, which copies what it can without blocking anyone (one with
 *       nothing to copy does no I/O);</li>
 *   <li>when the WAL holds {@code restartAtPages} or more, a {@code RESTART} checkpoint with this
 *       process's writers held back ({@code holdingWriters}). Under a steady stream of commits a
 *       passive checkpoint never catches up with the WAL's end, and SQLite starts the WAL over only
 *       when it has: without this step the file would grow without bound. Held writers wait for the
 *       copy of the few pages committed since step 1 and one fsync.</li>
 * </ol>
 *
 * A reader whose snapshot is older than the WAL's end also keeps the WAL from starting over. The
 * {@code RESTART} waits for such readers for its connection's busy timeout only (short: writers
 * wait meanwhile); if they are still there, it logs that, lets the writers go, and tries again next
 * round. {@link #close()} stops the thread and leaves an empty WAL (a {@code TRUNCATE}).
 */
final class WalCheckpointer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(WalCheckpointer.class.getName());

    /** What a {@code PRAGMA wal_checkpoint} answered: whether it was blocked, WAL pages, pages copied. */
    record Result(boolean busy, int walPages, int checkpointedPages) {}

    /** Runs work while this process's writers wait (see {@link SqliteTransactions#holdingWriters}). */
    @FunctionalInterface
    interface WriterGate {
        <T> T holdingWriters(Callable<T> work) throws Exception;
    }

    private final Connection connection;
    private final long intervalMillis;
    private final int restartAtPages;
    private final WriterGate writers;
    private final Thread thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stopping = lock.newCondition();
    private boolean stopped;
    private volatile Result last = new Result(false, 0, 0);
    private volatile long restarts;

    /** @param connection a writable connection to the database, owned (and closed) by the checkpointer */
    WalCheckpointer(Connection connection, long intervalMillis, int restartAtPages, WriterGate writers) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.writers = Objects.requireNonNull(writers, "writers");
        if (intervalMillis < 1 || restartAtPages < 1) {
            throw new IllegalArgumentException("interval and limit must be positive");
        }
        this.intervalMillis = intervalMillis;
        this.restartAtPages = restartAtPages;
        this.thread = new Thread(this::loop, "storefront-wal-checkpointer");
        thread.setDaemon(true);
        thread.start();
    }

    /** What the latest checkpoint answered. */
    Result last() {
        return last;
    }

    /** How many times the WAL was started over. */
    long restarts() {
        return restarts;
    }

    boolean isRunning() {
        return thread.isAlive();
    }

    private void loop() {
        boolean pinned = false;
        while (awaitNextRound()) {
            try {
                Result passive = checkpoint("PASSIVE");
                if (passive.walPages() < restartAtPages) {
                    continue;
                }
                Result restart = writers.holdingWriters(() -> checkpoint("RESTART"));
                if (!restart.busy()) {
                    restarts++;
                    pinned = false;
                } else if (!pinned) {
                    pinned = true; // once per episode, not every round
                    LOG.log(Level.WARNING, "the WAL holds {0} pages and a reader keeps it from starting over;"
                            + " retrying every {1} ms", restart.walPages(), intervalMillis);
                }
            } catch (Exception e) {
                // The next round tries again; a failed checkpoint loses nothing (the WAL keeps every commit).
                LOG.log(Level.WARNING, "WAL checkpoint failed", e);
            }
        }
    }

    /** Waits one interval; false once {@link #close()} was called. */
    private boolean awaitNextRound() {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
            while (!stopped && nanos > 0) {
                nanos = stopping.awaitNanos(nanos);
            }
            return !stopped;
        } catch (InterruptedException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code PRAGMA wal_checkpoint(mode)} on the checkpointer's connection. */
    Result checkpoint(String mode) throws SQLException {
        synchronized (connection) {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("PRAGMA wal_checkpoint(" + mode + ")")) {
                rs.next();
                Result result = new Result(rs.getInt(1) != 0, rs.getInt(2), rs.getInt(3));
                last = result;
                return result;
            }
        }
    }

    /** Stops the thread, then empties the WAL (a {@code TRUNCATE} checkpoint) and closes the connection. */
    @Override
    public void close() {
        lock.lock();
        try {
            stopped = true;
            stopping.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Result result = checkpoint("TRUNCATE");
            if (result.busy()) {
                LOG.log(Level.WARNING, "final WAL checkpoint blocked; {0} pages stay in the WAL", result.walPages());
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "final WAL checkpoint failed; the WAL keeps every commit", e);
        } finally {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing is left to release
            }
        }
    }
}
