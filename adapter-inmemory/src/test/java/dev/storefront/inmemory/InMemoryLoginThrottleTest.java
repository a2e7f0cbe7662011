package dev.storefront.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The in-memory throttle's own bounds: what a full table forgets (the rules are in LoginThrottleContract). */
class InMemoryLoginThrottleTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final int CAPACITY = 50;
    private final InMemoryLoginThrottle throttle = new InMemoryLoginThrottle(CAPACITY);

    private void fail(String account, String address, int times) {
        for (int i = 0; i < times; i++) {
            assertTrue(throttle.begin(account, address, T0).isEmpty(), account + " attempt " + (i + 1) + " allowed");
            throttle.recordFailure(account, address, T0);
        }
    }

    private Optional<Duration> probe(String account, String address) {
        Optional<Duration> wait = throttle.begin(account, address, T0);
        if (wait.isEmpty()) {
            throttle.release(account, address);
        }
        return wait;
    }

    @Test
    void aFloodOfUnknownNamesForgetsNoRealAccountsLiveCounterOrBlock() {
        fail("user:1", "10.0.0.1", 3);
        fail("user:2", "10.0.0.2", 5);
        for (int i = 0; i < 20; i++) {
            fail("user:3", "10.3.0." + i, 1);
        }
        for (int i = 0; i < 100; i++) {
            fail("user:spray-" + i, "10.5.5.5", 1);
        }

        for (int i = 0; i < 100 * CAPACITY; i++) {
            fail("login:random-" + i, "10.9." + i / 250 + "." + i % 250, 1);
        }

        assertEquals(Duration.ofSeconds(1), probe("user:2", "10.0.0.2").orElseThrow(), "the block from one address");
        assertEquals(Duration.ofSeconds(1), probe("user:3", "10.0.0.7").orElseThrow(), "the account-wide block");
        assertTrue(probe("user:4", "10.5.5.5").isPresent(), "the address at its hourly cap");
        fail("user:1", "10.0.0.1", 2);
        assertEquals(Duration.ofSeconds(1), probe("user:1", "10.0.0.1").orElseThrow(), "the three failures were kept");
    }

    @Test
    void withOnlyLiveCountersLeftTheOneThatFailedLeastRecentlyIsForgotten() {
        InMemoryLoginThrottle small = new InMemoryLoginThrottle(2);
        for (String account : new String[] {"user:a", "user:b", "user:c"}) {
            for (int i = 0; i < 3; i++) {
                assertTrue(small.begin(account, "10.0.0.1", T0).isEmpty());
                small.recordFailure(account, "10.0.0.1", T0);
            }
        }
        for (int i = 0; i < 4; i++) {
            assertTrue(small.begin("user:a", "10.0.0.1", T0).isEmpty(), "user:a's three failures were forgotten");
            small.recordFailure("user:a", "10.0.0.1", T0);
        }
        for (int i = 0; i < 2; i++) {
            assertTrue(small.begin("user:c", "10.0.0.1", T0).isEmpty());
            small.recordFailure("user:c", "10.0.0.1", T0);
        }
        assertTrue(small.begin("user:c", "10.0.0.1", T0).isPresent(), "user:c's were kept: its fifth failure blocked");
    }
}
