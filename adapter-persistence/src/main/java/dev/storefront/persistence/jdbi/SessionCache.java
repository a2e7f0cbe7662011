package dev.storefront.persistence.jdbi;

import dev.storefront.domain.session.SessionWithUser;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.UserId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Sessions with their users in memory, for the lookup that every request with a session cookie
 * makes ({@link JdbiSessionRepository#findWithUser}); a hit costs no database round trip.
 *
 * <p><b>Never stale after a write of this process returns.</b> Every write that can change or end
 * a cached session (touch, logout, revocation, a user's update, the sweeper) removes what it
 * affects after its COMMIT. A miss stores what it read only if no write committed since it began:
 * the check and the store happen under the same lock as a write's removal, so a row read before a
 * commit is either removed by that commit's removal or never stored. New sessions and users need
 * no removal (absence is not cached).
 *
 * <p><b>Other processes</b> are heard through the {@link ChangeFeed}'s {@code ACCOUNTS} topic, whose
 * keys name a session ({@link #sessionKey}) or a user ({@link #userKey}): a logout elsewhere drops
 * that session, a change of a user's name, email, password or role drops that user's sessions,
 * a sweep ({@link ChangeFeed#ALL}) everything. On PostgreSQL the keys arrive by NOTIFY within
 * milliseconds. On SQLite the {@code account_version} row that triggers (V8) move cannot say which
 * row changed: it is polled at most once a second and a move made elsewhere (a command such as
 * {@code grant-admin}, a host application's own SQL) drops everything; this process's own writes,
 * told exactly, are not counted as elsewhere.
 *
 * <p><b>Activity seen elsewhere.</b> Touches (the last-seen time) move no counter, so an entry is
 * trusted for at most {@link #MAX_AGE}: with several server processes on one database, one that
 * keeps a session alive by touching it is seen by the others within a minute, long before the
 * idle timeout (30 minutes by default) could end it there.
 *
 * <p><b>Memory.</b> At most {@value #CAPACITY} entries (about 1 kB each); when full it starts
 * again empty, so the sessions in use fill it again.
 */
public final class SessionCache {
    static final int CAPACITY = 10_000;
    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    static final Duration MAX_AGE = Duration.ofMinutes(1);
    private static final String SESSION = "s";
    private static final String USER = "u";

    private final Map<TokenDigest, Entry> entries = new ConcurrentHashMap<>();
    /** Commits that removed something; a miss that saw it move while reading does not store. */
    private final AtomicLong removals = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final ChangeFeed.Watch poll;
    private final LongSupplier nanoTime;
    private final long maxAgeNanos = MAX_AGE.toNanos();
    private final int capacity;

    private record Entry(SessionWithUser found, long storedAt) {}

    public SessionCache(Database database) {
        this(database, System::nanoTime, POLL_INTERVAL, CAPACITY);
    }

    SessionCache(Database database, LongSupplier nanoTime, Duration pollInterval, int capacity) {
        this.poll = database.changes().watch(ChangeFeed.Topic.ACCOUNTS, nanoTime, pollInterval);
        this.nanoTime = nanoTime;
        this.capacity = capacity;
    }

    /** The cached answer for the digest, or the loader's, stored when nothing was removed meanwhile. */
    Optional<SessionWithUser> find(TokenDigest digest, Supplier<Optional<SessionWithUser>> load) {
        forget(poll.changesIfDue());
        Entry hit = entries.get(digest);
        if (hit != null && nanoTime.getAsLong() - hit.storedAt() < maxAgeNanos) {
            hits.increment();
            return Optional.of(hit.found());
        }
        long seen = removals.get();
        Optional<SessionWithUser> loaded = load.get();
        loaded.ifPresent(found -> store(seen, digest, found));
        return loaded;
    }

    /** The key of a change to one session, for other processes. */
    static String sessionKey(TokenDigest digest) {
        return SESSION + digest.hex();
    }

    /** The key of a change to a user (or to all their sessions), for other processes. */
    static String userKey(UserId user) {
        return USER + user.value();
    }

    /** Changes told by other processes; a key this version does not know drops everything. */
    private void forget(ChangeFeed.Changes changes) {
        if (changes.isEmpty()) {
            return;
        }
        if (changes.all()) {
            forgetAll();
            return;
        }
        for (String key : changes.keys()) {
            try {
                if (key.startsWith(SESSION)) {
                    forget(new TokenDigest(key.substring(SESSION.length())));
                } else if (key.startsWith(USER)) {
                    forgetUser(new UserId(Long.parseLong(key.substring(USER.length()))));
                } else {
                    forgetAll();
                }
            } catch (IllegalArgumentException unknownKey) {
                forgetAll();
            }
        }
    }

    /** After a commit that changed or ended the session with this digest. */
    synchronized void forget(TokenDigest digest) {
        removals.incrementAndGet();
        entries.remove(digest);
    }

    /** After a commit that changed the user or ended some of their sessions. */
    synchronized void forgetUser(UserId user) {
        removals.incrementAndGet();
        entries.values().removeIf(entry -> entry.found().user().map(u -> u.id().equals(user)).orElse(false));
    }

    /** After a commit that may have ended any session (the sweeper), or a change seen by the poll. */
    synchronized void forgetAll() {
        removals.incrementAndGet();
        entries.clear();
    }

    /** Lookups answered from memory, for tests. */
    long hits() {
        return hits.sum();
    }

    /** Entries held, for tests. */
    int size() {
        return entries.size();
    }

    private synchronized void store(long seen, TokenDigest digest, SessionWithUser found) {
        if (removals.get() != seen) {
            return; // a commit removed something while this was read: the row may predate it
        }
        if (entries.size() >= capacity) {
            entries.clear();
        }
        entries.put(digest, new Entry(found, nanoTime.getAsLong()));
    }
}
