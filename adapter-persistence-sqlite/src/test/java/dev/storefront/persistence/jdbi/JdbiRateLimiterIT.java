package dev.storefront.persistence.jdbi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.out.RateLimiter;
import dev.storefront.domain.port.out.contract.RateLimiterContract;
import dev.storefront.persistence.sqlite.SqliteDatabase;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rate limiter contract on real SQLite, a second instance on the same file being a second server. */
class JdbiRateLimiterIT extends RateLimiterContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    @TempDir
    Path directory;
    private SqliteDatabase database;

    @Override
    protected RateLimiter createLimiter() {
        closeDatabase();
        database = SqliteDatabase.open("jdbc:sqlite:" + directory.resolve("limits-" + System.nanoTime() + ".db"));
        return new JdbiRateLimiter(database, "test");
    }

    @Override
    protected RateLimiter secondInstanceOnTheSameStore() {
        return new JdbiRateLimiter(database, "test");
    }

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void purposesCountApartInTheOneTable() {
        createLimiter();
        RateLimiter registrations = new JdbiRateLimiter(database, "registration");
        RateLimiter resets = new JdbiRateLimiter(database, "reset-request");
        assertTrue(registrations.tryAcquire("10.0.0.1", 1, Duration.ofHours(1), T0).isEmpty());
        assertTrue(registrations.tryAcquire("10.0.0.1", 1, Duration.ofHours(1), T0).isPresent());
        assertTrue(resets.tryAcquire("10.0.0.1", 1, Duration.ofHours(1), T0).isEmpty(), "another purpose");
    }

    @Test
    void theSweepDeletesEndedWindowsOfEveryPurposeUpToItsLimit() {
        JdbiRateLimiter limiter = (JdbiRateLimiter) createLimiter();
        RateLimiter other = new JdbiRateLimiter(database, "other");
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("short" + i, 5, Duration.ofMinutes(1), T0);
            other.tryAcquire("short" + i, 5, Duration.ofMinutes(1), T0);
        }
        limiter.tryAcquire("long", 5, Duration.ofHours(1), T0);
        Instant later = T0.plus(Duration.ofMinutes(2));
        assertEquals(4, limiter.deleteExpired(later, 4));
        assertEquals(2, limiter.deleteExpired(later, 4));
        assertEquals(0, limiter.deleteExpired(later, 4), "the window still open stays");
        assertEquals(Duration.ofMinutes(58), refusal(limiter, later));
    }

    private static Duration refusal(RateLimiter limiter, Instant now) {
        for (int i = 0; i < 4; i++) {
            limiter.tryAcquire("long", 5, Duration.ofHours(1), now);
        }
        return limiter.tryAcquire("long", 5, Duration.ofHours(1), now).orElseThrow();
    }
}
