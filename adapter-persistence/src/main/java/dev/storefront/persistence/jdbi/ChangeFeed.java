package dev.storefront.persistence.jdbi;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * How the in-memory caches hear of changes made where they were not told: by another process on
 * the same database (another instance, a command such as {@code grant-admin}) or by SQL outside the
 * repositories. Writes made through this process's repositories are told directly, after commit.
 */
public interface ChangeFeed {

    /** What a cache holds, by the tables whose changes concern it. */
    enum Topic {
        /** Products. */
        CATALOG,
        /** Sessions and the user fields a session is trusted for (name, email, password, role). */
        ACCOUNTS
    }

    /**
     * Watches one topic. A watch is polled by the readers of its cache, so it checks at most once an
     * {@code interval} (on engines that must poll) by the monotonic {@code nanoTime}.
     */
    Watch watch(Topic topic, LongSupplier nanoTime, Duration interval);

    /**
     * Tells other processes, once the calling thread's transaction commits, that it changed
     * {@code topic} (at once without a transaction). Engines whose triggers tell already ignore it.
     */
    void publish(Topic topic);

    interface Watch {
        /**
         * Whether the topic may have changed elsewhere since this watch last said so: the cache then
         * drops what it holds. A feed that cannot tell (a lost connection) says it moved.
         */
        boolean movedIfDue();
    }
}
