package dev.storefront.persistence.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.storefront.domain.common.DatabaseBusy;
import java.sql.SQLTransientConnectionException;
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
}
