package dev.storefront.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The in-memory limiter's own bounds: memory, and the work one call may do (the contract is in RateLimiterContract). */
class InMemoryRateLimiterTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void holdsAtMostItsCapacityOfEventsHoweverManyKeysCome() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(100);
        for (int i = 0; i < 10_000; i++) {
            assertTrue(limiter.tryAcquire("address-" + i, 3, HOUR, T0.plusMillis(i)).isEmpty());
        }
        assertEquals(100, limiter.heldEvents());
    }

    @Test
    void whenFullTheKeyWithTheOldestLastEventIsForgottenFirst() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(3);
        limiter.tryAcquire("a", 5, HOUR, T0);
        limiter.tryAcquire("b", 5, HOUR, T0.plusSeconds(1));
        limiter.tryAcquire("a", 5, HOUR, T0.plusSeconds(2));
        limiter.tryAcquire("c", 5, HOUR, T0.plusSeconds(3));
        Instant later = T0.plusSeconds(4);
        assertTrue(limiter.tryAcquire("a", 2, HOUR, later).isPresent(), "a's two events are kept");
        assertTrue(limiter.tryAcquire("b", 1, HOUR, later).isEmpty(), "b, the least recently counted, was forgotten");
    }

    @Test
    void aKeyAtItsLimitIsForgottenOnlyWhenTheTableHoldsNothingElse() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(4);
        limiter.tryAcquire("p", 2, HOUR, T0);
        limiter.tryAcquire("p", 2, HOUR, T0);
        limiter.tryAcquire("x", 5, HOUR, T0.plusSeconds(1));
        limiter.tryAcquire("y", 5, HOUR, T0.plusSeconds(2));
        limiter.tryAcquire("z", 5, HOUR, T0.plusSeconds(3));
        assertTrue(limiter.tryAcquire("p", 2, HOUR, T0.plusSeconds(4)).isPresent(), "p, at its limit, outlived x");
        assertTrue(limiter.tryAcquire("x", 1, HOUR, T0.plusSeconds(4)).isEmpty(), "x was forgotten instead");

        InMemoryRateLimiter atLimitOnly = new InMemoryRateLimiter(4);
        for (String key : new String[] {"p", "p", "q", "q"}) {
            atLimitOnly.tryAcquire(key, 2, HOUR, T0);
        }
        atLimitOnly.tryAcquire("r", 2, HOUR, T0.plusSeconds(1));
        assertTrue(atLimitOnly.tryAcquire("q", 2, HOUR, T0.plusSeconds(2)).isPresent(), "q stays at its limit");
        assertTrue(atLimitOnly.tryAcquire("p", 2, HOUR, T0.plusSeconds(2)).isEmpty(),
                "the oldest key at its limit made room for the new one: a new key is never refused for want of room");
    }

    @Test
    void expiredKeysArePrunedAFewPerCallSoNoCallScansTheTable() {
        InMemoryRateLimiter limiter = new InMemoryRateLimiter(10_000);
        Duration minute = Duration.ofMinutes(1);
        for (int i = 0; i < 1_000; i++) {
            limiter.tryAcquire("old-" + i, 5, minute, T0);
        }
        Instant later = T0.plus(Duration.ofMinutes(2));
        limiter.tryAcquire("fresh", 1_000, minute, later);
        assertEquals(1_000 - InMemoryRateLimiter.PRUNED_PER_CALL + 1, limiter.heldEvents());
        for (int call = 2; call <= 1_000 / InMemoryRateLimiter.PRUNED_PER_CALL; call++) {
            limiter.tryAcquire("fresh", 1_000, minute, later);
        }
        assertEquals(1_000 / InMemoryRateLimiter.PRUNED_PER_CALL, limiter.heldEvents(), "only fresh's events are left");
    }
}
