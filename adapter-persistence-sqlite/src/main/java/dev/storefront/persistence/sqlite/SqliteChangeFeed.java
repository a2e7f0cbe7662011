package dev.storefront.persistence.sqlite;

import dev.storefront.persistence.jdbi.ChangeFeed;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Changes made elsewhere, told by the one-row version counters that triggers move on every write
 * to their tables (V7 {@code catalog_version}, V8 {@code account_version}), whoever makes it. A
 * counter cannot say which row moved: a change made elsewhere is reported as everything. This
 * process's own writes ({@link #write}) note the counts they moved, so the poll skips them: their
 * caches were told exactly what changed.
 */
final class SqliteChangeFeed implements ChangeFeed {
    private final SqliteDatabase database;
    private final Map<Topic, StoredVersionPoll.OwnWrites> ownWrites = new EnumMap<>(Topic.class);

    SqliteChangeFeed(SqliteDatabase database) {
        this.database = database;
        for (Topic topic : Topic.values()) {
            ownWrites.put(topic, new StoredVersionPoll.OwnWrites());
        }
    }

    private static String versionQuery(Topic topic) {
        return switch (topic) {
            case CATALOG -> "SELECT version FROM catalog_version WHERE id = 1";
            case ACCOUNTS -> "SELECT version FROM account_version WHERE id = 1";
        };
    }

    @Override
    public Watch watch(Topic topic, LongSupplier nanoTime, Duration interval) {
        StoredVersionPoll poll = new StoredVersionPoll(database, versionQuery(topic), ownWrites.get(topic),
                nanoTime, interval);
        return () -> poll.movedIfDue() ? Changes.everything() : Changes.none();
    }

    /** Nothing to do: the triggers of V7 and V8 move the version rows in the same transaction. */
    @Override
    public void publish(Topic topic, String key) {
        // told by the triggers
    }

    /**
     * The counter before and after the write, in one write transaction (SQLite's one writer: no
     * other commit can fall between): the counts in between are this process's own once it commits.
     */
    @Override
    public <T> T write(Topic topic, Supplier<T> write) {
        return database.transactions().inTransaction(() -> {
            long before = version(topic);
            T result = write.get();
            long after = version(topic);
            if (after != before) {
                database.afterCommit(() -> ownWrites.get(topic).add(before, after));
            }
            return result;
        });
    }

    private long version(Topic topic) {
        return database.withHandle(h -> h.createQuery(versionQuery(topic)).mapTo(Long.class).one());
    }
}
