package dev.storefront.persistence.postgres;

import dev.storefront.persistence.jdbi.Dialect;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** PostgreSQL's side of the few SQL differences. */
final class PostgresDialect implements Dialect {
    static final PostgresDialect INSTANCE = new PostgresDialect();
    static final String UNIQUE_VIOLATION = "23505";
    static final String SERIALIZATION_FAILURE = "40001";
    static final String DEADLOCK_DETECTED = "40P01";

    private PostgresDialect() {}

    @Override
    public boolean isUniqueViolation(Throwable failure) {
        return UNIQUE_VIOLATION.equals(sqlState(failure));
    }

    /** By the constraint's name; its detail would carry the duplicate value, which is never read. */
    @Override
    public boolean isUniqueViolationOf(Throwable failure, String table, String column) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PSQLException psql && UNIQUE_VIOLATION.equals(psql.getSQLState())) {
                ServerErrorMessage message = psql.getServerErrorMessage();
                return message != null && (table + "_" + column + "_key").equals(message.getConstraint());
            }
        }
        return false;
    }

    /** Whether the transaction lost a serialisation or deadlock race, and may simply be run again. */
    static boolean isRetryable(Throwable failure) {
        String state = sqlState(failure);
        return SERIALIZATION_FAILURE.equals(state) || DEADLOCK_DETECTED.equals(state);
    }

    /** The SQLState of the first {@link SQLException} in the cause chain, or {@code null}. */
    static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    @Override
    public String foldCase(String expression) {
        return "lower(" + expression + " COLLATE \"C\")";
    }

    @Override
    public String greatest(String first, String second) {
        return "GREATEST(" + first + ", " + second + ")";
    }

    @Override
    public String forUpdate() {
        return " FOR UPDATE";
    }

    /** Whole: JDBI's script splitter would break dollar-quoted bodies (jdbi#1644). */
    @Override
    public void runScript(Handle handle, String sql) {
        handle.execute(sql);
    }
}
