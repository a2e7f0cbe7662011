package dev.storefront.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.out.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link RateLimiter} does. */
public abstract class RateLimiterContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    protected abstract RateLimiter createLimiter();

    @Test
    void allowsTheLimitWithinTheWindowThenSaysWhenTheOldestLeaves() {
        RateLimiter limiter = createLimiter();
        Duration window = Duration.ofMinutes(15);
        assertTrue(limiter.tryAcquire("k", 3, window, T0).isEmpty());
        assertTrue(limiter.tryAcquire("k", 3, window, T0.plusSeconds(60)).isEmpty());
        assertTrue(limiter.tryAcquire("k", 3, window, T0.plusSeconds(120)).isEmpty());
        assertEquals(Duration.ofMinutes(14), limiter.tryAcquire("k", 3, window, T0.plusSeconds(60)).orElseThrow());
        assertTrue(limiter.tryAcquire("other", 3, window, T0).isEmpty());
        assertTrue(limiter.tryAcquire("k", 3, window, T0.plus(window).plusSeconds(1)).isEmpty());
    }
}
