package dev.storefront.inmemory;

import dev.storefront.domain.port.out.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A sliding-window rate limiter in memory (one process); the default for password reset requests. */
public final class InMemoryRateLimiter implements RateLimiter {
    private static final int CLEANUP_THRESHOLD = 10_000;
    private final Map<String, Deque<Instant>> events = new HashMap<>();
    private Duration longestWindow = Duration.ZERO;

    @Override
    public synchronized Optional<Duration> tryAcquire(String key, int limit, Duration window, Instant now) {
        if (longestWindow.compareTo(window) < 0) {
            longestWindow = window;
        }
        if (events.size() > CLEANUP_THRESHOLD) {
            Instant cutoff = now.minus(longestWindow);
            events.values().removeIf(deque -> deque.isEmpty() || !deque.peekLast().isAfter(cutoff));
        }
        Deque<Instant> seen = events.computeIfAbsent(key, k -> new ArrayDeque<>());
        Instant cutoff = now.minus(window);
        while (!seen.isEmpty() && !seen.peekFirst().isAfter(cutoff)) {
            seen.removeFirst();
        }
        if (seen.size() >= limit) {
            return Optional.of(Duration.between(now, seen.peekFirst().plus(window)));
        }
        seen.addLast(now);
        return Optional.empty();
    }
}
