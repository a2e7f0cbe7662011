package dev.storefront.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.out.RateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RateLimiter} does. An implementation that bounds its memory should be run here
 * with a bound well below {@link #CROWD} events, so that the crowding test makes it forget keys.
 */
public abstract class RateLimiterContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    /** How many other keys the crowding test counts while one key is at its limit. */
    protected static final int CROWD = 2_000;

    protected abstract RateLimiter createLimiter();

    /**
     * Another limiter on the store (and for the purpose) of the one {@link #createLimiter} made
     * last, as a second server on the same database would have.
     */
    protected abstract RateLimiter secondInstanceOnTheSameStore();

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

    @Test
    void eachKeyKeepsItsOwnWindow() {
        RateLimiter limiter = createLimiter();
        assertTrue(limiter.tryAcquire("short", 1, Duration.ofMinutes(1), T0).isEmpty());
        assertTrue(limiter.tryAcquire("long", 1, Duration.ofHours(1), T0).isEmpty());
        Instant later = T0.plus(Duration.ofMinutes(2));
        assertTrue(limiter.tryAcquire("short", 1, Duration.ofMinutes(1), later).isEmpty());
        assertEquals(Duration.ofMinutes(58), limiter.tryAcquire("long", 1, Duration.ofHours(1), later).orElseThrow());
    }

    @Test
    void aKeyAtItsLimitStaysRefusedHoweverManyOtherKeysAreCountedMeanwhile() {
        RateLimiter limiter = createLimiter();
        Duration window = Duration.ofHours(1);
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire("flooded", 3, window, T0).isEmpty());
        }
        for (int i = 0; i < CROWD; i++) {
            assertTrue(limiter.tryAcquire("crowd-" + i, 3, window, T0.plusSeconds(1 + i % 60)).isEmpty());
        }
        assertEquals(Duration.ofMinutes(50), limiter.tryAcquire("flooded", 3, window, T0.plus(Duration.ofMinutes(10)))
                .orElseThrow());
    }

    @Test
    void concurrentEventsThroughTwoInstancesOnOneStoreAreAdmittedExactlyUpToTheLimit() throws Exception {
        RateLimiter[] instances = {createLimiter(), secondInstanceOnTheSameStore()};
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Optional<Duration>>> events = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                RateLimiter through = instances[i % 2];
                events.add(pool.submit(() -> {
                    start.await();
                    return through.tryAcquire("k", 5, Duration.ofHours(1), T0);
                }));
            }
            start.countDown();
            int admitted = 0;
            for (Future<Optional<Duration>> event : events) {
                if (event.get(30, TimeUnit.SECONDS).isEmpty()) {
                    admitted++;
                }
            }
            assertEquals(5, admitted);
        } finally {
            pool.shutdownNow();
        }
    }
}
