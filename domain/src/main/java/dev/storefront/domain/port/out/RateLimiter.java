package dev.storefront.domain.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts events per key and refuses those over a limit within a window (registrations, guest
 * sessions, profile updates, reset requests per email and per address). At most {@code limit} events
 * are admitted in any one window of a key; whether the window slides (the in-memory fake) or starts
 * with a key's first event (the database's, shared by every instance) is the adapter's.
 */
@FunctionalInterface
public interface RateLimiter {

    /**
     * Records one event for {@code key} unless {@code limit} events already happened within
     * {@code window} before {@code now}.
     *
     * @return empty when the event was allowed (and counted), else how long until one would be
     */
    Optional<Duration> tryAcquire(String key, int limit, Duration window, Instant now);
}
