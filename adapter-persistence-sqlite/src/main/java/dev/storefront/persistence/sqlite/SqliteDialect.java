package dev.storefront.persistence.sqlite;

import dev.storefront.persistence.jdbi.Dialect;
import org.jdbi.v3.core.Handle;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** SQLite's side of the few SQL differences; the writer lock makes row locks unnecessary. */
final class SqliteDialect implements Dialect {
    static final SqliteDialect INSTANCE = new SqliteDialect();

    private SqliteDialect() {}

    @Override
    public boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLiteException sqlite) {
                SQLiteErrorCode code = sqlite.getResultCode();
                return code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                        || code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY;
            }
        }
        return false;
    }

    /** SQLite names the column in its message: "UNIQUE constraint failed: user_account.email". */
    @Override
    public boolean isUniqueViolationOf(Throwable failure, String table, String column) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLiteException sqlite) {
                return isUniqueViolation(sqlite) && sqlite.getMessage() != null
                        && sqlite.getMessage().contains(table + "." + column);
            }
        }
        return false;
    }

    @Override
    public String foldCase(String expression) {
        return expression + " COLLATE NOCASE";
    }

    @Override
    public String greatest(String first, String second) {
        return "MAX(" + first + ", " + second + ")";
    }

    @Override
    public String forUpdate() {
        return "";
    }

    @Override
    public void runScript(Handle handle, String sql) {
        handle.createScript(sql).execute();
    }
}
