package dev.storefront.persistence.sqlite;

import dev.storefront.persistence.jdbi.ChangeFeed;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Changes made elsewhere, told by the one-row version counters that triggers move on every write
 * to their tables (V7 {@code catalog_version}, V8 {@code account_version}), whoever makes it.
 */
final class SqliteChangeFeed implements ChangeFeed {
    private final SqliteDatabase database;

    SqliteChangeFeed(SqliteDatabase database) {
        this.database = database;
    }

    @Override
    public Watch watch(Topic topic, LongSupplier nanoTime, Duration interval) {
        String query = switch (topic) {
            case CATALOG -> "SELECT version FROM catalog_version WHERE id = 1";
            case ACCOUNTS -> "SELECT version FROM account_version WHERE id = 1";
        };
        return new StoredVersionPoll(database, query, nanoTime, interval)::movedIfDue;
    }

    /** Nothing to do: the triggers of V7 and V8 move the version rows in the same transaction. */
    @Override
    public void publish(Topic topic) {
        // told by the triggers
    }
}
