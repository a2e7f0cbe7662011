package dev.storefront.persistence.jdbi;

import dev.storefront.domain.common.DatabaseBusy;
import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Turns SQLite's "the lock stayed taken" failures (SQLITE_BUSY after the busy timeout ran out,
 * SQLITE_BUSY_SNAPSHOT, SQLITE_LOCKED, with every extended code of theirs) into the domain's
 * {@link DatabaseBusy}, answered 503 with {@code Retry-After}, not 500. They are logged without a
 * stack trace and at most one WARNING line per {@link #WARNING_INTERVAL_NANOS}: a flood of
 * requests against a locked database must not flood the log.
 */
final class SqliteBusy {
    private static final System.Logger LOG = System.getLogger(SqliteBusy.class.getName());
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;
    static final long WARNING_INTERVAL_NANOS = 10_000_000_000L;

    private static final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);
    private static final AtomicLong sinceLastWarning = new AtomicLong();

    private SqliteBusy() {}

    /** {@link DatabaseBusy} when the failure is SQLite's busy or locked, else the failure itself. */
    static RuntimeException translate(RuntimeException failure) {
        SQLiteErrorCode code = busyCode(failure);
        if (code == null) {
            return failure;
        }
        long suppressed = sinceLastWarning.incrementAndGet() - 1;
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARNING_INTERVAL_NANOS && lastWarning.compareAndSet(last, now)) {
            sinceLastWarning.set(0);
            LOG.log(Level.WARNING, "database busy ({0}): another connection held the lock past the busy timeout;"
                    + " answered 503 ({1} more since the last such line)", code.name(), suppressed);
        } else {
            LOG.log(Level.DEBUG, "database busy ({0}): answered 503", code.name());
        }
        return new DatabaseBusy();
    }

    private static SQLiteErrorCode busyCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite && sqlite.getResultCode() != null) {
                int primary = sqlite.getResultCode().code & 0xFF;
                if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
                    return sqlite.getResultCode();
                }
            }
        }
        return null;
    }
}
