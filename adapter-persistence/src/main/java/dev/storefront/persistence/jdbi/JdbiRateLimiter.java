package dev.storefront.persistence.jdbi;

import dev.storefront.domain.port.out.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * A rate limiter in table {@code rate_limit_window}, so every process on the database counts the
 * same events; the limiters of several purposes (registrations, guest sessions, ...) share the table,
 * each under its own {@code purpose}. A key's window starts with its first event and lasts
 * {@code window}: a fixed window, not the in-memory fake's sliding one, so a key may see up to twice
 * its limit across the end of one window and the start of the next, never more than its limit in one.
 * Counting and checking are one upsert: the engine locks the key's row for it, so concurrent events
 * on any number of processes are admitted exactly up to the limit.
 */
public final class JdbiRateLimiter implements RateLimiter {
    /** Every statement, the same on every engine. */
    interface Statements {
        /** Counts the event unless the window is full; a refused event leaves the count at {@code limit + 1}. */
        @SqlQuery("INSERT INTO rate_limit_window"
                + " (purpose, counted_key, window_start, events, forget_at) VALUES (:purpose, :key, :now, 1, :end)"
                + " ON CONFLICT (purpose, counted_key) DO UPDATE SET"
                + " events = CASE WHEN rate_limit_window.forget_at <= :now THEN 1"
                + " WHEN rate_limit_window.events < :limit THEN rate_limit_window.events + 1 ELSE :limit + 1 END,"
                + " window_start = CASE WHEN rate_limit_window.forget_at <= :now THEN :now"
                + " ELSE rate_limit_window.window_start END,"
                + " forget_at = CASE WHEN rate_limit_window.forget_at <= :now THEN :end"
                + " ELSE rate_limit_window.forget_at END"
                + " RETURNING events, forget_at AS window_end")
        @RegisterConstructorMapper(Counted.class)
        Counted count(String purpose, String key, int limit, long now, long end);

        // forget_at is checked again outside the subquery: a window a concurrent event has just
        // restarted is re-read there (PostgreSQL re-evaluates it on the locked row) and stays.
        @SqlUpdate("DELETE FROM rate_limit_window WHERE forget_at <= :now"
                + " AND (purpose, counted_key) IN (SELECT purpose, counted_key FROM rate_limit_window"
                + " WHERE forget_at <= :now LIMIT :limit)")
        int deleteExpired(long now, int limit);
    }

    private final Database database;
    private final String purpose;

    /** @param purpose what this limiter counts, e.g. {@code registration}: limiters of one purpose share counts */
    public JdbiRateLimiter(Database database, String purpose) {
        this.database = Objects.requireNonNull(database, "database");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
    }

    record Counted(int events, long windowEnd) {}

    @Override
    public Optional<Duration> tryAcquire(String key, int limit, Duration window, Instant now) {
        Counted counted = write(sql -> sql.count(purpose, key, limit, now.toEpochMilli(),
                now.plus(window).toEpochMilli()));
        return counted.events() <= limit ? Optional.empty()
                : Optional.of(Duration.between(now, Instant.ofEpochMilli(counted.windowEnd())));
    }

    /**
     * Deletes up to {@code limit} ended windows, of every purpose (the table is shared: one limiter
     * sweeps for all). Returns how many went.
     */
    public int deleteExpired(Instant now, int limit) {
        return write(sql -> sql.deleteExpired(now.toEpochMilli(), limit));
    }

    /** One short write transaction, or the caller's: on every engine the way writes queue for their locks. */
    private <T> T write(Function<Statements, T> work) {
        return database.transactions().inTransaction(() -> database.withHandle(h -> work.apply(h.attach(Statements.class))));
    }
}
