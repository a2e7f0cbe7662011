package dev.storefront.persistence.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.out.LoginThrottle;
import dev.storefront.domain.port.out.contract.LoginThrottleContract;
import dev.storefront.persistence.sqlite.SqliteDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The throttle contract on real SQLite, a second instance on the same file being a second server. */
class JdbiLoginThrottleIT extends LoginThrottleContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    @TempDir
    Path directory;
    private SqliteDatabase database;

    @Override
    protected LoginThrottle createThrottle() {
        closeDatabase();
        database = SqliteDatabase.open("jdbc:sqlite:" + directory.resolve("throttle-" + System.nanoTime() + ".db"));
        return new JdbiLoginThrottle(database);
    }

    @Override
    protected LoginThrottle secondInstanceOnTheSameStore() {
        return new JdbiLoginThrottle(database);
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    private long rows(String table) {
        return database.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    @Test
    void theSweepDeletesWhatNoLongerMattersAndKeepsBlocksAndLeases() {
        JdbiLoginThrottle throttle = (JdbiLoginThrottle) createThrottle();
        for (int i = 0; i < 5; i++) {
            assertTrue(throttle.begin("blocked", "10.0.0.1", T0).isEmpty());
            throttle.recordFailure("blocked", "10.0.0.1", T0);
        }
        assertTrue(throttle.begin("leased", "10.0.0.2", T0).isEmpty());
        assertTrue(throttle.begin("once", "10.0.0.3", T0).isEmpty());
        throttle.recordFailure("once", "10.0.0.3", T0);

        throttle.deleteExpired(T0.plusSeconds(10), 100);
        assertEquals(3, rows("login_throttle_attempt"), "the lease is live");

        throttle.deleteExpired(T0.plus(LoginThrottle.LEASE).plusSeconds(1), 100);
        assertEquals(2, rows("login_throttle_attempt"), "the lapsed lease went, the failure chains stay");
        assertEquals(2, rows("login_throttle_account"));
        assertEquals(2, rows("login_throttle_address"));

        throttle.deleteExpired(T0.plus(Duration.ofHours(2)), 100);
        assertEquals(0, rows("login_throttle_attempt") + rows("login_throttle_account") + rows("login_throttle_address"));
    }

    @Test
    void theSweepDeletesAtMostItsLimitPerTable() {
        JdbiLoginThrottle throttle = (JdbiLoginThrottle) createThrottle();
        for (int i = 0; i < 5; i++) {
            throttle.begin("acct" + i, "10.0.0." + i, T0);
            throttle.recordFailure("acct" + i, "10.0.0." + i, T0);
        }
        assertEquals(6, throttle.deleteExpired(T0.plus(Duration.ofHours(2)), 2));
        assertEquals(3, rows("login_throttle_attempt"));
    }

    @Test
    void aThrottledAttemptWritesNoRows() {
        JdbiLoginThrottle throttle = (JdbiLoginThrottle) createThrottle();
        for (int i = 0; i < 100; i++) {
            throttle.begin("victim" + i, "10.6.6.6", T0);
            throttle.recordFailure("victim" + i, "10.6.6.6", T0);
        }
        long before = rows("login_throttle_attempt") + rows("login_throttle_account");
        for (int i = 0; i < 50; i++) {
            assertTrue(throttle.begin("random" + i, "10.6.6.6", T0).isPresent());
        }
        assertEquals(before, rows("login_throttle_attempt") + rows("login_throttle_account"));
    }
}
