package dev.storefront.persistence.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConnection;

class CachingStatementBuilderIT {
    private final CachingStatementBuilder builder = new CachingStatementBuilder();
    private SQLiteConnection connection;
    private Handle handle;
    private StatementContext context;

    @BeforeEach
    void open() throws SQLException {
        connection = (SQLiteConnection) DriverManager.getConnection("jdbc:sqlite::memory:");
        handle = Jdbi.open(connection);
        context = handle.createQuery("SELECT 1").getContext();
    }

    @AfterEach
    void close() {
        handle.close();
    }

    private PreparedStatement take(String sql) throws SQLException {
        return builder.create(connection, sql, context);
    }

    private PreparedStatement use(String sql) throws SQLException {
        PreparedStatement statement = take(sql);
        builder.close(connection, sql, statement);
        return statement;
    }

    @Test
    void aStatementIsKeptAndLentAgainForTheSameSqlWithItsParametersCleared() throws SQLException {
        PreparedStatement first = take("SELECT ?");
        first.setInt(1, 5);
        builder.close(connection, "SELECT ?", first);

        PreparedStatement again = take("SELECT ?");
        assertSame(first, again);
        try (ResultSet rows = again.executeQuery()) {
            assertTrue(rows.next());
            assertNull(rows.getObject(1), "the last user's parameter is gone");
        }
        assertEquals(List.of(), builder.idleStatements(connection), "a lent statement is not idle");
    }

    @Test
    void theSameSqlWhileItsStatementIsLentGetsASecondOneAndTheLaterReturnedIsClosed() throws SQLException {
        PreparedStatement outer = take("SELECT 1");
        PreparedStatement inner = take("SELECT 1");
        assertNotSame(outer, inner);

        builder.close(connection, "SELECT 1", inner);
        builder.close(connection, "SELECT 1", outer);
        assertEquals(List.of("SELECT 1"), builder.idleStatements(connection));
        assertTrue(outer.isClosed(), "one idle statement per SQL");
        assertFalse(inner.isClosed());
    }

    @Test
    void aFullConnectionClosesItsLeastRecentlyUsedStatementAndKeepsTheNewOne() throws SQLException {
        PreparedStatement hot = use("SELECT 0");
        PreparedStatement eldest = use("SELECT 1");
        for (int i = 2; i < CachingStatementBuilder.MAX_PER_CONNECTION; i++) {
            use("SELECT " + i);
            if (i % 10 == 0) {
                assertSame(hot, use("SELECT 0"), "used often, so never the least recent");
            }
        }
        assertEquals(CachingStatementBuilder.MAX_PER_CONNECTION, builder.idleStatements(connection).size());
        assertFalse(eldest.isClosed());

        PreparedStatement late = use("SELECT 'first run after the connection filled up'");
        assertSame(late, use("SELECT 'first run after the connection filled up'"), "kept, not compiled again");
        assertTrue(eldest.isClosed(), "the least recently used made room");
        List<String> idle = builder.idleStatements(connection);
        assertEquals(CachingStatementBuilder.MAX_PER_CONNECTION, idle.size());
        assertFalse(idle.contains("SELECT 1"));
        assertTrue(idle.contains("SELECT 0"));
        assertSame(hot, use("SELECT 0"));
    }
}
