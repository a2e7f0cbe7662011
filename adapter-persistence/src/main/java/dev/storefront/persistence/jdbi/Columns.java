package dev.storefront.persistence.jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Column reads the SQLite driver does not do by itself (it refuses {@code getObject(col, Long.class)} on NULL). */
final class Columns {
    private Columns() {}

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
