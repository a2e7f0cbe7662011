package dev.storefront.persistence.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.storefront.domain.common.DatabaseBusy;
import dev.storefront.persistence.jdbi.SqliteBusy.LinePerInterval;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Which of SQLite's failures mean "the lock stayed taken": those, and only those, become DatabaseBusy. */
class SqliteBusyTest {

    private static RuntimeException wrapped(SQLiteErrorCode code) {
        return new ConnectionException(new SQLiteException("[" + code.name() + "]", code));
    }

    @ParameterizedTest
    @EnumSource(value = SQLiteErrorCode.class, names = {"SQLITE_BUSY", "SQLITE_BUSY_RECOVERY", "SQLITE_BUSY_SNAPSHOT",
            "SQLITE_LOCKED", "SQLITE_LOCKED_SHAREDCACHE"})
    void busyAndLockedOfEveryKindBecomeDatabaseBusy(SQLiteErrorCode code) {
        assertInstanceOf(DatabaseBusy.class, SqliteBusy.translate(wrapped(code)));
    }

    @Test
    void aPoolThatHandsOutNoConnectionInTimeIsBusyToo() {
        // What HikariCP throws after its connection timeout, as JDBI hands it on.
        RuntimeException poolTimeout = new ConnectionException(new SQLTransientConnectionException(
                "storefront-sqlite - Connection is not available, request timed out after 6000ms"));
        assertInstanceOf(DatabaseBusy.class, SqliteBusy.translate(poolTimeout));
    }

    @ParameterizedTest
    @EnumSource(value = SQLiteErrorCode.class, names = {"SQLITE_ERROR", "SQLITE_CONSTRAINT", "SQLITE_FULL",
            "SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_READONLY"})
    void otherFailuresStayAsTheyAre(SQLiteErrorCode code) {
        RuntimeException failure = wrapped(code);
        assertSame(failure, SqliteBusy.translate(failure));
    }

    @Test
    void anEventCountedWhileAnotherThreadLogsItsLineIsReportedByTheNextLine() {
        AtomicLong time = new AtomicLong();
        AtomicReference<Runnable> meanwhile = new AtomicReference<>();
        // Runs "another thread's" event between this event's count and its line, as a race would.
        LongSupplier clock = () -> {
            Runnable other = meanwhile.getAndSet(null);
            if (other != null) {
                other.run();
            }
            return time.get();
        };
        LinePerInterval lines = new LinePerInterval(clock, 10);
        List<Long> reported = new ArrayList<>();

        reported.add(lines.count()); // the first event gets its line at once
        meanwhile.set(() -> {
            reported.add(lines.count()); // not due yet at time 0: counted for a later line
            time.set(10);
        });
        reported.add(lines.count()); // due at time 10: reports itself
        time.set(20);
        reported.add(lines.count()); // due again: the event counted meanwhile and itself

        assertEquals(List.of(1L, 0L, 1L, 2L), reported);
    }

    @Test
    void eventsInsideTheIntervalAreCountedIntoTheNextLine() {
        AtomicLong time = new AtomicLong();
        LinePerInterval lines = new LinePerInterval(time::get, 10);
        assertEquals(1, lines.count());
        time.set(5);
        assertEquals(0, lines.count());
        assertEquals(0, lines.count());
        time.set(10);
        assertEquals(3, lines.count());
    }
}
