package dev.storefront.persistence.jdbi;

import java.time.Duration;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * How the in-memory caches hear of changes made where they were not told: by another process on
 * the same database (another instance, a command such as {@code grant-admin}) or by SQL outside the
 * repositories. Writes made through this process's repositories are told directly, after commit.
 *
 * <p>A change names what it concerns by a <em>key</em> its topic's cache understands (a product,
 * a session, a user), or {@link #ALL}; an engine that cannot tell which rows moved (SQLite's
 * version counters) reports every change elsewhere as {@link Changes#everything()}.
 */
public interface ChangeFeed {
    /** The key of a change that may concern anything of its topic (a sweep, a bulk write). */
    String ALL = "*";

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
     * Tells other processes, once the calling thread's transaction commits, that it changed what
     * {@code key} names in {@code topic} (at once without a transaction). Engines whose triggers
     * tell already ignore it.
     */
    void publish(Topic topic, String key);

    /**
     * Runs a write to the topic's tables in the calling thread's write transaction (one of its own
     * if none is bound). Engines whose triggers count every write note there which counts were this
     * process's own, which its caches were told of directly: their poll then reports only changes
     * made elsewhere.
     */
    default <T> T write(Topic topic, Supplier<T> write) {
        return write.get();
    }

    /** The changes a watch reports: every key, or nothing but {@code keys}. */
    record Changes(boolean all, Set<String> keys) {
        private static final Changes NONE = new Changes(false, Set.of());
        private static final Changes EVERYTHING = new Changes(true, Set.of());

        public Changes {
            keys = Set.copyOf(keys);
        }

        public static Changes none() {
            return NONE;
        }

        public static Changes everything() {
            return EVERYTHING;
        }

        /** The keys, or everything if one of them is {@link #ALL}. */
        public static Changes of(Set<String> keys) {
            return keys.isEmpty() ? NONE : keys.contains(ALL) ? EVERYTHING : new Changes(false, keys);
        }

        public boolean isEmpty() {
            return !all && keys.isEmpty();
        }
    }

    interface Watch {
        /**
         * What may have changed elsewhere since this watch last answered: the cache then drops
         * those entries. A feed that cannot tell (a lost connection) answers everything.
         */
        Changes changesIfDue();
    }
}
