package dev.storefront.persistence.jdbi;

import org.jdbi.v3.core.Handle;

/**
 * The few places where the repositories' SQL differs between engines. Everything else is written
 * once, in SQL both SQLite and PostgreSQL run unchanged.
 */
public interface Dialect {

    /** Whether a statement failed on a unique (or primary key) constraint. */
    boolean isUniqueViolation(Throwable failure);

    /**
     * Whether a statement failed on the unique constraint of {@code table.column} (declared inline
     * in the schema, so PostgreSQL names it {@code table_column_key}).
     */
    boolean isUniqueViolationOf(Throwable failure, String table, String column);

    /**
     * {@code expression} folded to ASCII lower case for ordering and comparing case-insensitively
     * (then by bytes), as the engine's indexes are built: SQLite {@code expression COLLATE NOCASE};
     * PostgreSQL {@code lower(expression COLLATE "C")}, which orders and compares exactly alike.
     */
    String foldCase(String expression);

    /** The larger of two expressions ({@code MAX(a, b)} on SQLite, {@code GREATEST(a, b)} on PostgreSQL). */
    String greatest(String first, String second);

    /**
     * What a SELECT that reads a row to write it back ends with: {@code FOR UPDATE} where readers do
     * not block writers, nothing where the engine runs one writer at a time.
     */
    String forUpdate();

    /** Runs a migration script (several statements) on the handle's transaction. */
    void runScript(Handle handle, String sql);
}
