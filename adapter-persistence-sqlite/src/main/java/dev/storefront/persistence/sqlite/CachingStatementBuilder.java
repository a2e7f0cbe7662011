package dev.storefront.persistence.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;
import org.sqlite.SQLiteConnection;

/**
 * Keeps the prepared statements of each pooled SQLite connection for the next use of the same SQL,
 * instead of compiling every statement again (sqlite-jdbc and the pool cache none; compiling a
 * catalog query, which plans it among the indexes, took a fifth of the query's time). Statements
 * are prepared on the pool's physical connection, so they outlive one borrowing of it; a statement
 * is lent to one user at a time (the same SQL run while its first run is still open gets a second
 * statement; whichever comes back while the other is idle is closed), its parameters are cleared
 * when it comes back, and JDBI has closed its result set by then, which resets it in SQLite. At most
 * {@link #MAX_PER_CONNECTION} per connection, the least recently used closed first; statements
 * asking for generated keys or updatable results are not cached.
 *
 * <p>Why least recently used: queries whose text varies with their input (an {@code IN} list of
 * a cart's products, the catalog's filter combinations) once filled a connection's places for
 * good, and every statement first run after that (all six of a checkout's) was compiled again on
 * every run: a checkout compiled six statements per order (docs/performance.md, step 26).
 */
final class CachingStatementBuilder extends DefaultStatementBuilder {
    static final int MAX_PER_CONNECTION = 64;

    private final Map<SQLiteConnection, Map<String, PreparedStatement>> idle = new ConcurrentHashMap<>();
    /** Statements in use, with the SQL they were prepared from (JDBI closes them naming its unparsed SQL). */
    private final Map<PreparedStatement, String> lent = new ConcurrentHashMap<>();

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        if (ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable() || !conn.isWrapperFor(SQLiteConnection.class)) {
            return super.create(conn, sql, ctx);
        }
        SQLiteConnection physical = conn.unwrap(SQLiteConnection.class);
        Map<String, PreparedStatement> statements = idle.get(physical);
        if (statements == null) {
            // A new connection: forget those the pool has closed since (after a failed transaction).
            idle.keySet().removeIf(CachingStatementBuilder::isClosed);
            // In insertion order: a statement leaves the map while lent and comes back last, so the
            // first is the least recently used.
            statements = idle.computeIfAbsent(physical, c -> new LinkedHashMap<>());
        }
        PreparedStatement statement;
        synchronized (statements) {
            statement = statements.remove(sql);
        }
        if (statement == null || statement.isClosed()) {
            statement = physical.prepareStatement(sql);
        }
        lent.put(statement, sql);
        return statement;
    }

    private static boolean isClosed(SQLiteConnection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    @Override
    public void close(Connection conn, String sql, Statement stmt) throws SQLException {
        String prepared = stmt instanceof PreparedStatement ? lent.remove(stmt) : null;
        if (prepared == null) {
            super.close(conn, sql, stmt);
            return;
        }
        PreparedStatement statement = (PreparedStatement) stmt;
        Map<String, PreparedStatement> statements = statement.isClosed() ? null
                : idle.get((SQLiteConnection) statement.getConnection());
        if (statements == null) {
            statement.close();
            return;
        }
        statement.clearParameters();
        PreparedStatement closing;
        synchronized (statements) {
            closing = keep(statements, prepared, statement);
        }
        if (closing != null) {
            closing.close();
        }
    }

    /**
     * Keeps an idle statement; gives back the one to close: this one if its SQL already has an idle
     * statement, or the least recently used when the connection would keep more than its limit.
     */
    private static PreparedStatement keep(Map<String, PreparedStatement> statements, String sql,
                                          PreparedStatement statement) {
        if (statements.containsKey(sql)) {
            return statement;
        }
        statements.put(sql, statement);
        if (statements.size() <= MAX_PER_CONNECTION) {
            return null;
        }
        Iterator<PreparedStatement> eldest = statements.values().iterator();
        PreparedStatement evicted = eldest.next();
        eldest.remove();
        return evicted;
    }

    /** The SQL of the statements a connection keeps, least recently used first; for tests. */
    List<String> idleStatements(SQLiteConnection connection) {
        Map<String, PreparedStatement> statements = idle.get(connection);
        if (statements == null) {
            return List.of();
        }
        synchronized (statements) {
            return List.copyOf(statements.keySet());
        }
    }
}
