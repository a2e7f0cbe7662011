package dev.storefront.persistence.jdbi;

import dev.storefront.domain.port.out.PeriodicWork;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Periodic work rounds in table {@code sweep_round}, one row per round name, so that every process
 * on the database claims from the same record. The claim is one conditional UPDATE: under READ
 * COMMITTED a concurrent claimer waits for the winner's row lock, re-reads the row and finds it
 * claimed; under SQLite's single writer they simply run one after the other. The row is first made
 * by an INSERT that does nothing when it exists, so that a round's very first claim races the same way.
 */
public final class JdbiPeriodicWork implements PeriodicWork {
    /** The last run of a round never run: before any {@code now - interval}. */
    private static final long NEVER = Long.MIN_VALUE;

    private final Database database;

    public JdbiPeriodicWork(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public boolean claimRound(String name, Instant now, Duration interval) {
        Objects.requireNonNull(name, "name");
        long latestEarlierRun = now.minus(interval).toEpochMilli();
        return database.transactions().inTransaction(() -> database.withHandle(h -> {
            h.createUpdate("INSERT INTO sweep_round (name, last_run) VALUES (:name, :never) ON CONFLICT (name) DO NOTHING")
                    .bind("name", name).bind("never", NEVER).execute();
            return h.createUpdate("UPDATE sweep_round SET last_run = :now WHERE name = :name AND last_run <= :latest")
                    .bind("name", name).bind("now", now.toEpochMilli()).bind("latest", latestEarlierRun)
                    .execute() == 1;
        }));
    }
}
