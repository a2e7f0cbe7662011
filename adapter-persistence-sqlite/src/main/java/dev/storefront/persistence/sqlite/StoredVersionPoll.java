package dev.storefront.persistence.sqlite;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A one-row version that triggers move on whoever writes (this process, a command in another, a
 * host application's own SQL), read at most once an interval by whichever reading thread finds
 * the poll due: how the in-memory caches notice writes they were not told about. The counts that
 * this process's own committed writes moved ({@link OwnWrites}) are not a change elsewhere.
 */
final class StoredVersionPoll {
    private static final System.Logger LOG = System.getLogger(StoredVersionPoll.class.getName());

    private final SqliteDatabase database;
    private final String query;
    private final OwnWrites ownWrites;
    private final LongSupplier nanoTime;
    private final long intervalNanos;
    private final AtomicLong nextPoll;
    /** The row as last read; written only by the thread that won the poll. */
    private volatile long polled;

    /**
     * @param query    the constant statement that reads the version row
     * @param nanoTime a monotonic clock (wall time may jump back, and tests freeze their clocks)
     */
    StoredVersionPoll(SqliteDatabase database, String query, OwnWrites ownWrites, LongSupplier nanoTime,
                      Duration interval) {
        this.database = Objects.requireNonNull(database, "database");
        this.query = Objects.requireNonNull(query, "query");
        this.ownWrites = Objects.requireNonNull(ownWrites, "ownWrites");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.intervalNanos = interval.toNanos();
        this.polled = read();
        this.nextPoll = new AtomicLong(nanoTime.getAsLong() + intervalNanos);
    }

    /**
     * Whether the row moved since the last poll other than by this process's own writes, when a poll
     * is due and this thread won it; a row that cannot be read counts as moved, since whatever
     * changed cannot be told.
     */
    boolean movedIfDue() {
        long now = nanoTime.getAsLong();
        long due = nextPoll.get();
        if (now - due < 0 || !nextPoll.compareAndSet(due, now + intervalNanos)) {
            return false;
        }
        try {
            long stored = read();
            if (stored == polled) {
                return false;
            }
            boolean elsewhere = !ownWrites.coverAll(polled, stored);
            polled = stored;
            return elsewhere;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not read a stored version (" + query + "); the cache is dropped", e);
            return true;
        }
    }

    /**
     * The counts moved by this process's committed writes, each a range {@code (from, to]} of the
     * counter. A poll that finds every count since the last one in these ranges saw only its own.
     * A write committed but not yet noted when the poll reads counts as elsewhere: the cache is
     * dropped once more, never kept stale.
     */
    static final class OwnWrites {
        private final ConcurrentSkipListMap<Long, Long> ranges = new ConcurrentSkipListMap<>();

        void add(long from, long to) {
            ranges.put(from, to);
        }

        /** Whether the counts {@code (from, to]} are all own; forgets the ranges up to {@code to}. */
        boolean coverAll(long from, long to) {
            long reached = from;
            Long next;
            while (reached < to && (next = ranges.get(reached)) != null) {
                reached = next;
            }
            ranges.headMap(to).clear(); // those starting at to or later commit after this read
            return reached == to;
        }
    }

    private long read() {
        return database.withHandle(h -> h.createQuery(query).mapTo(Long.class).one());
    }
}
