package dev.storefront.inmemory;

import dev.storefront.domain.port.out.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A sliding-window rate limiter in memory (one process); the default for registrations, guest
 * sessions, password reset requests and profile updates, one instance for each, so that a flood
 * of one cannot crowd out the others' counters.
 *
 * <p>Memory is bounded: it holds at most {@value #DEFAULT_CAPACITY} events (a key holds one per
 * event in its window). When full, the key with the oldest last event is forgotten first, but a
 * key at its limit only when every key held is at its limit: a flood of new keys can then reset
 * counters that had not reached their limit (they held fewer events than the flood spent), never
 * one that refuses. A new key always finds room, so a full table never refuses anyone. Time is
 * amortised: each call drops at most {@value #PRUNED_PER_CALL} expired keys from the oldest end and
 * never scans the table (each call adds at most one event, so expired keys leave faster than new
 * ones come).
 */
public final class InMemoryRateLimiter implements RateLimiter {
    /** About 250 bytes an event when each key holds one, so some 5 MB at most. */
    public static final int DEFAULT_CAPACITY = 20_000;
    static final int PRUNED_PER_CALL = 4;

    /** One key's events within its window, oldest first. */
    private static final class Events {
        final Deque<Instant> times = new ArrayDeque<>(4);
        Duration window;

        void dropOlderThan(Instant now) {
            Instant cutoff = now.minus(window);
            while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
                times.removeFirst();
            }
        }

        boolean expiredAt(Instant now) {
            return !times.peekLast().plus(window).isAfter(now);
        }
    }

    private final BoundedTable<String, Events> keys;

    public InMemoryRateLimiter() {
        this(DEFAULT_CAPACITY);
    }

    /** A limiter holding at most {@code capacity} events. */
    public InMemoryRateLimiter(int capacity) {
        keys = new BoundedTable<>(capacity, events -> events.times.size());
    }

    @Override
    public synchronized Optional<Duration> tryAcquire(String key, int limit, Duration window, Instant now) {
        keys.removeEldestWhile(events -> events.expiredAt(now), PRUNED_PER_CALL);
        Events seen = keys.get(key);
        if (seen == null) {
            seen = new Events();
        }
        seen.window = window;
        seen.dropOlderThan(now);
        if (seen.times.size() >= limit) {
            return Optional.of(Duration.between(now, seen.times.peekFirst().plus(window)));
        }
        seen.times.addLast(now);
        keys.put(key, seen, seen.times.size() >= limit);
        return Optional.empty();
    }

    /** Events held, for tests of the bound. */
    synchronized long heldEvents() {
        return keys.weight();
    }
}
