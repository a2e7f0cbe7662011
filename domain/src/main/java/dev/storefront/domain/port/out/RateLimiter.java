package dev.storefront.domain.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Counts events per key in a sliding window (password reset requests per email and per address). */
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
