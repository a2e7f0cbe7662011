package dev.storefront.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.out.LoginThrottle;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The throttling rules of api.md, for every {@link LoginThrottle}. */
public abstract class LoginThrottleContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private LoginThrottle throttle;

    protected abstract LoginThrottle createThrottle();

    @BeforeEach
    void setUp() {
        throttle = createThrottle();
    }

    private void fail(String account, String address, Instant at, int times) {
        for (int i = 0; i < times; i++) {
            assertTrue(throttle.retryAfter(account, address, at).isEmpty(), "attempt " + (i + 1) + " allowed");
            throttle.recordFailure(account, address, at);
        }
    }

    @Test
    void fiveFailuresAreFreeTheSixthAttemptWaitsOneSecond() {
        fail("acct", "10.0.0.1", T0, 4);
        assertTrue(throttle.retryAfter("acct", "10.0.0.1", T0).isEmpty());
        throttle.recordFailure("acct", "10.0.0.1", T0);
        assertEquals(Duration.ofSeconds(1), throttle.retryAfter("acct", "10.0.0.1", T0).orElseThrow());
        assertTrue(throttle.retryAfter("acct", "10.0.0.1", T0.plusSeconds(1)).isEmpty());
    }

    @Test
    void theDelayDoublesWithEachFurtherFailureUpToFifteenMinutes() {
        fail("acct", "10.0.0.1", T0, 5);
        Instant now = T0;
        long expected = 1;
        for (int i = 0; i < 14; i++) {
            Duration wait = throttle.retryAfter("acct", "10.0.0.1", now).orElseThrow();
            assertEquals(Duration.ofSeconds(Math.min(expected, 900)), wait, "after failure " + (5 + i));
            now = now.plus(wait);
            throttle.recordFailure("acct", "10.0.0.1", now);
            expected *= 2;
        }
    }

    @Test
    void throttlesOneAccountNotOthers() {
        fail("acct", "10.0.0.1", T0, 5);
        assertTrue(throttle.retryAfter("other", "10.0.0.2", T0).isEmpty());
    }

    @Test
    void aSuccessResetsTheAccountsCounter() {
        fail("acct", "10.0.0.1", T0, 4);
        throttle.recordSuccess("acct", T0);
        fail("acct", "10.0.0.1", T0, 4);
        assertTrue(throttle.retryAfter("acct", "10.0.0.1", T0).isEmpty());
    }

    @Test
    void failuresOlderThanFifteenMinutesDoNotCount() {
        fail("acct", "10.0.0.1", T0, 4);
        Instant later = T0.plus(Duration.ofMinutes(15)).plusSeconds(1);
        throttle.recordFailure("acct", "10.0.0.1", later);
        assertTrue(throttle.retryAfter("acct", "10.0.0.1", later).isEmpty());
    }

    @Test
    void capsFailuresFromOneAddressAtAHundredAnHour() {
        Instant now = T0;
        for (int i = 0; i < 100; i++) {
            String account = "victim" + i;
            assertTrue(throttle.retryAfter(account, "10.6.6.6", now).isEmpty(), "failure " + (i + 1));
            throttle.recordFailure(account, "10.6.6.6", now);
            now = now.plusSeconds(1);
        }
        Duration wait = throttle.retryAfter("fresh-account", "10.6.6.6", now).orElseThrow();
        assertEquals(Duration.ofHours(1).minusSeconds(100), wait);
        assertTrue(throttle.retryAfter("fresh-account", "10.0.0.9", now).isEmpty(), "other addresses unaffected");
        assertTrue(throttle.retryAfter("fresh-account", "10.6.6.6", T0.plus(Duration.ofHours(1)).plusSeconds(1)).isEmpty());
    }
}
