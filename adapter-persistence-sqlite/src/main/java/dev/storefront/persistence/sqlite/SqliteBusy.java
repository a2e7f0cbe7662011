package dev.storefront.persistence.sqlite;

import dev.storefront.domain.common.DatabaseBusy;
import dev.storefront.domain.common.LinePerInterval;
import java.lang.System.Logger.Level;
import java.sql.SQLTransientConnectionException;
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

    private static final LinePerInterval WARNINGS = new LinePerInterval(System::nanoTime, WARNING_INTERVAL_NANOS);

    private SqliteBusy() {}

    /** {@link DatabaseBusy} when the failure is SQLite's busy or locked, else the failure itself. */
    static RuntimeException translate(RuntimeException failure) {
        String reason = busyReason(failure);
        if (reason == null) {
            return failure;
        }
        long sinceLastLine = WARNINGS.count();
        if (sinceLastLine > 0) {
            LOG.log(Level.WARNING, "database busy ({0}); answered 503 ({1} more since the last such line)",
                    reason, sinceLastLine - 1);
        } else {
            LOG.log(Level.DEBUG, "database busy ({0}): answered 503", reason);
        }
        return new DatabaseBusy();
    }

    /** Whether the failure is SQLite's own busy or locked (the lock stayed taken for the busy timeout). */
    static boolean isLockBusy(Throwable failure) {
        return busyCode(failure) != null;
    }

    /**
     * Why the database counts as busy, or {@code null}. A pool that hands out no connection within
     * its timeout is busy too: its connections are all held, waiting for SQLite's lock or for
     * work that waits for it, and the caller must get a 503, not a 500.
     */
    private static String busyReason(Throwable failure) {
        SQLiteErrorCode code = busyCode(failure);
        if (code != null) {
            return code.name() + ": another connection held the lock past the busy timeout";
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return "no pooled connection came free within the pool's timeout";
            }
        }
        return null;
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
