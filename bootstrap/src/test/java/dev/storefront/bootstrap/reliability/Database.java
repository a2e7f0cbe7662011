package dev.storefront.bootstrap.reliability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.sqlite.SQLiteConfig;

/**
 * A read-only look at the server's SQLite file, beside the server (WAL lets readers in while it
 * runs). {@link #snapshot()} digests every table so a test can prove a hostile batch changed
 * nothing.
 *
 * <p>One column is left out on purpose: {@code user_session.last_seen_at}, which any request with a
 * live session may move forward (at most once a minute) — that is the session being used, not
 * the hostile request changing state. Everything else, every row of every table, must be equal.
 */
final class Database {
    /**
     * Columns that may legitimately move during a hostile batch: session activity, and the caches'
     * change counters (V7, V8), which count writes, not content: a guest session that a refused
     * request opened and closed again leaves the sessions as they were but the counter moved.
     */
    static final Set<String> VOLATILE = Set.of("user_session.last_seen_at", "account_version.version",
            "catalog_version.version");
    /**
     * Tables that count requests (the login throttle, the per-address limits): a refused or failed
     * request is meant to count there, as it did in memory before they moved into the database; and
     * the sweep rounds, which the clock moves whenever a round falls within a batch.
     */
    static final Set<String> COUNTERS = Set.of("login_throttle_account", "login_throttle_address",
            "login_throttle_attempt", "rate_limit_window", "sweep_round");

    private final Path file;

    Database(Path file) {
        this.file = file;
    }

    Connection open() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(5000);
        return DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
    }

    /** Table name to "rows:digest" of its sorted rows. */
    Map<String, String> snapshot() {
        Map<String, String> digests = new TreeMap<>();
        try (Connection connection = open(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
                while (rs.next()) {
                    if (!COUNTERS.contains(rs.getString(1))) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            for (String table : tables) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            if (!VOLATILE.contains(table + "." + meta.getColumnName(c))) {
                                row.append(meta.getColumnName(c)).append('=').append(rs.getString(c)).append('\u0001');
                            }
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                digests.put(table, rows.size() + ":" + sha256(String.join("\n", rows)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
        return digests;
    }

    long count(String sql) {
        try (Connection connection = open(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Every value of the first column of {@code sql}, as text. */
    List<String> strings(String sql) {
        List<String> values = new ArrayList<>();
        try (Connection connection = open(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return values;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
