package dev.storefront.persistence.jdbi;

import org.jdbi.v3.core.statement.StatementException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Whether a failed statement broke a UNIQUE or PRIMARY KEY constraint, which the repositories turn
 * into the domain's conflicts (409), never a 500. The one place that knows SQLite's codes for it
 * (PostgreSQL: SQLState 23505), so that it can move into the Dialect whole.
 */
final class UniqueViolation {
    private UniqueViolation() {
    }

    static boolean isOne(StatementException e) {
        return e.getCause() instanceof SQLiteException sqlite
                && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                || sqlite.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY);
    }

    /** Whether it was the constraint on {@code table.column} (SQLite names it in its message). */
    static boolean onColumn(StatementException e, String table, String column) {
        return isOne(e) && e.getCause().getMessage() != null
                && e.getCause().getMessage().contains(table + "." + column);
    }
}
