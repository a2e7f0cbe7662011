package dev.storefront.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.out.LoginThrottle;
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
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The throttling rules of api.md, for every {@link LoginThrottle}. */
public abstract class LoginThrottleContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private LoginThrottle throttle;

    protected abstract LoginThrottle createThrottle();

    /**
     * Another throttle on the store of the one {@link #createThrottle} made last, as a second
     * server on the same database would have: it must see the same counts and reservations.
     */
    protected abstract LoginThrottle secondInstanceOnTheSameStore();

    @BeforeEach
    void setUp() {
        throttle = createThrottle();
    }

    private void fail(String account, String address, Instant at, int times) {
        for (int i = 0; i < times; i++) {
            assertTrue(throttle.begin(account, address, at).isEmpty(), "attempt " + (i + 1) + " allowed");
            throttle.recordFailure(account, address, at);
        }
    }

    /** Whether an attempt could begin now, leaving no reservation behind. */
    private Optional<Duration> probe(String account, String address, Instant at) {
        Optional<Duration> wait = throttle.begin(account, address, at);
        if (wait.isEmpty()) {
            throttle.release(account, address);
        }
        return wait;
    }

    @Test
    void fiveFailuresAreFreeTheSixthAttemptWaitsOneSecond() {
        fail("acct", "10.0.0.1", T0, 4);
        assertTrue(probe("acct", "10.0.0.1", T0).isEmpty());
        throttle.recordFailure("acct", "10.0.0.1", T0);
        assertEquals(Duration.ofSeconds(1), probe("acct", "10.0.0.1", T0).orElseThrow());
        assertTrue(probe("acct", "10.0.0.1", T0.plusSeconds(1)).isEmpty());
    }

    @Test
    void theDelayDoublesWithEachFurtherFailureUpToFifteenMinutes() {
        fail("acct", "10.0.0.1", T0, 5);
        Instant now = T0;
        long expected = 1;
        for (int i = 0; i < 14; i++) {
            Duration wait = probe("acct", "10.0.0.1", now).orElseThrow();
            assertEquals(Duration.ofSeconds(Math.min(expected, 900)), wait, "after failure " + (5 + i));
            now = now.plus(wait);
            throttle.recordFailure("acct", "10.0.0.1", now);
            expected *= 2;
        }
    }

    @Test
    void throttlesOneAccountNotOthers() {
        fail("acct", "10.0.0.1", T0, 5);
        assertTrue(probe("other", "10.0.0.2", T0).isEmpty());
    }

    @Test
    void aSuccessResetsTheAccountsCounter() {
        fail("acct", "10.0.0.1", T0, 4);
        throttle.recordSuccess("acct", "10.0.0.1", T0);
        fail("acct", "10.0.0.1", T0, 4);
        assertTrue(probe("acct", "10.0.0.1", T0).isEmpty());
    }

    @Test
    void aSuccessResetsOnlyThatAddressesCounterForTheAccount() {
        fail("acct", "10.6.6.6", T0, 5);
        throttle.recordSuccess("acct", "10.0.0.1", T0);
        assertEquals(Duration.ofSeconds(1), probe("acct", "10.6.6.6", T0).orElseThrow(), "the outsider stays blocked");
    }

    @Test
    void anOutsidersFailuresFromOneAddressDoNotThrottleTheOwnerFromAnother() {
        fail("acct", "10.6.6.6", T0, 5);
        assertTrue(probe("acct", "10.6.6.6", T0).isPresent());
        assertTrue(probe("acct", "10.0.0.1", T0).isEmpty(), "after 5");
        Instant now = T0;
        for (int failures = 5; failures < 19; failures++) {
            now = now.plus(probe("acct", "10.6.6.6", now).orElseThrow());
            throttle.recordFailure("acct", "10.6.6.6", now);
        }
        assertTrue(probe("acct", "10.6.6.6", now).isPresent());
        assertTrue(probe("acct", "10.0.0.1", now).isEmpty(), "after 19 from one address");
    }

    @Test
    void twentyFailuresAcrossAddressesThrottleTheAccountFromEveryAddressWithADoublingDelay() {
        for (int i = 0; i < 19; i++) {
            fail("acct", "10.1.0." + i, T0, 1);
        }
        assertTrue(probe("acct", "10.0.0.1", T0).isEmpty(), "19 failures leave the account open");
        fail("acct", "10.1.0.19", T0, 1);
        assertEquals(Duration.ofSeconds(1), probe("acct", "10.0.0.1", T0).orElseThrow(), "even a fresh address waits");
        assertTrue(probe("other", "10.0.0.1", T0).isEmpty(), "other accounts are not affected");
        Instant later = T0.plusSeconds(1);
        fail("acct", "10.1.0.20", later, 1);
        assertEquals(Duration.ofSeconds(2), probe("acct", "10.0.0.1", later).orElseThrow());
    }

    @Test
    void attemptsInFlightFromManyAddressesNeverOverrunTheAccountWideBudget() {
        for (int i = 0; i < 18; i++) {
            fail("acct", "10.1.0." + i, T0, 1);
        }
        assertTrue(throttle.begin("acct", "10.2.0.1", T0).isEmpty());
        assertTrue(throttle.begin("acct", "10.2.0.2", T0).isEmpty());
        assertTrue(throttle.begin("acct", "10.2.0.3", T0).isPresent(), "two failures left, two in flight");
        throttle.release("acct", "10.2.0.1");
        assertTrue(probe("acct", "10.2.0.3", T0).isEmpty(), "a settled attempt frees its place");
    }

    /** Failures an attacker who waits out every block gets in within {@code span}, the i-th from {@code address.apply(i)}. */
    private int failuresWithin(Duration span, IntFunction<String> address) {
        int failures = 0;
        Instant now = T0;
        while (!now.isAfter(T0.plus(span))) {
            Optional<Duration> wait = probe("acct", address.apply(failures), now);
            if (wait.isPresent()) {
                now = now.plus(wait.get());
            } else {
                fail("acct", address.apply(failures), now, 1);
                failures++;
            }
        }
        return failures;
    }

    @Test
    void failuresAreChainedNotWindowedSoTheFirstFifteenMinutesAdmitFourteenFromOneAddressAndTwentyNineInAll() {
        // The figures README's "Login failures" gives: free failures, then 1 s, 2 s, 4 s, ... up to 15 min.
        assertEquals(14, failuresWithin(Duration.ofMinutes(15), i -> "10.0.0.1"));
        throttle = createThrottle();
        assertEquals(29, failuresWithin(Duration.ofMinutes(15), i -> "10.1." + i / 250 + "." + i % 250));
    }

    @Test
    void failuresOlderThanFifteenMinutesDoNotCount() {
        fail("acct", "10.0.0.1", T0, 4);
        Instant later = T0.plus(Duration.ofMinutes(15)).plusSeconds(1);
        throttle.recordFailure("acct", "10.0.0.1", later);
        assertTrue(probe("acct", "10.0.0.1", later).isEmpty());
    }

    @Test
    void capsFailuresFromOneAddressAtAHundredAnHour() {
        Instant now = T0;
        for (int i = 0; i < 100; i++) {
            String account = "victim" + i;
            assertTrue(probe(account, "10.6.6.6", now).isEmpty(), "failure " + (i + 1));
            throttle.recordFailure(account, "10.6.6.6", now);
            now = now.plusSeconds(1);
        }
        Duration wait = probe("fresh-account", "10.6.6.6", now).orElseThrow();
        assertEquals(Duration.ofHours(1).minusSeconds(100), wait);
        assertTrue(probe("fresh-account", "10.0.0.9", now).isEmpty(), "other addresses unaffected");
        assertTrue(probe("fresh-account", "10.6.6.6", T0.plus(Duration.ofHours(1)).plusSeconds(1)).isEmpty());
    }

    @Test
    void attemptsInFlightFromOneAddressNeverOverrunItsHourlyCap() {
        for (int i = 0; i < 99; i++) {
            fail("victim" + i, "10.6.6.6", T0, 1);
        }
        assertTrue(throttle.begin("victim-a", "10.6.6.6", T0).isEmpty());
        assertTrue(throttle.begin("victim-b", "10.6.6.6", T0).isPresent(), "one failure left, one in flight");
        assertTrue(probe("victim-b", "10.0.0.9", T0).isEmpty(), "other addresses are not held up");
        throttle.release("victim-a", "10.6.6.6");
        assertTrue(probe("victim-b", "10.6.6.6", T0).isEmpty(), "a settled attempt frees its place");
    }

    @Test
    void aParallelAttemptForAnAccountBeingCheckedFromTheSameAddressIsRefused() {
        assertTrue(throttle.begin("acct", "10.0.0.1", T0).isEmpty());
        assertTrue(throttle.begin("acct", "10.0.0.1", T0).isPresent(), "the account is being checked from there");
        assertTrue(probe("acct", "10.0.0.2", T0).isEmpty(), "another address is not held up (the owner's)");
        assertTrue(probe("other", "10.0.0.1", T0).isEmpty(), "other accounts are not held up");
        throttle.recordFailure("acct", "10.0.0.1", T0);
        assertTrue(probe("acct", "10.0.0.1", T0).isEmpty(), "settling the attempt frees the account");
    }

    @Test
    void releaseEndsAReservationWithoutCountingIt() {
        for (int i = 0; i < 10; i++) {
            assertTrue(throttle.begin("acct", "10.0.0.1", T0).isEmpty());
            throttle.release("acct", "10.0.0.1");
        }
        fail("acct", "10.0.0.1", T0, 4);
        assertTrue(probe("acct", "10.0.0.1", T0).isEmpty(), "released attempts were not failures");
    }

    @Test
    void atTheCapTheCountSurvivesTheBlockSoAnAttackerGetsOneGuessPerBlock() {
        fail("acct", "10.0.0.1", T0, 5);
        Instant now = T0;
        for (int i = 0; i < 12; i++) {
            now = now.plus(probe("acct", "10.0.0.1", now).orElseThrow());
            throttle.recordFailure("acct", "10.0.0.1", now);
        }
        Duration atCap = probe("acct", "10.0.0.1", now).orElseThrow();
        assertEquals(Duration.ofMinutes(15), atCap);
        Instant afterBlock = now.plus(atCap).plusMillis(1);
        assertTrue(probe("acct", "10.0.0.1", afterBlock).isEmpty(), "one guess after the block");
        throttle.recordFailure("acct", "10.0.0.1", afterBlock);
        assertEquals(Duration.ofMinutes(15), probe("acct", "10.0.0.1", afterBlock).orElseThrow(),
                "and the next waits the full cap again");
    }

    @Test
    void aReservationNeverSettledLapsesAfterItsLease() {
        assertTrue(throttle.begin("acct", "10.0.0.1", T0).isEmpty());
        Instant justBefore = T0.plus(LoginThrottle.LEASE).minusMillis(1);
        assertTrue(throttle.begin("acct", "10.0.0.1", justBefore).isPresent(), "still being checked");
        assertTrue(probe("acct", "10.0.0.1", T0.plus(LoginThrottle.LEASE)).isEmpty(), "the crashed check no longer holds it");
        fail("acct", "10.0.0.1", T0.plus(LoginThrottle.LEASE), 4);
        assertTrue(probe("acct", "10.0.0.1", T0.plus(LoginThrottle.LEASE)).isEmpty(), "a lapsed reservation is no failure");
    }

    @Test
    void twoInstancesOnOneStoreShareTheirCountsSoTheSixthAttemptThroughTheOtherIsRefused() {
        LoginThrottle other = secondInstanceOnTheSameStore();
        fail("acct", "10.0.0.1", T0, 5);
        Optional<Duration> wait = other.begin("acct", "10.0.0.1", T0);
        assertEquals(Optional.of(Duration.ofSeconds(1)), wait);
        assertTrue(other.begin("acct", "10.0.0.1", T0.plusSeconds(1)).isEmpty());
        assertTrue(throttle.begin("acct", "10.0.0.1", T0.plusSeconds(1)).isPresent(), "reserved through the other");
        other.release("acct", "10.0.0.1");
        assertTrue(probe("acct", "10.0.0.1", T0.plusSeconds(1)).isEmpty(), "and released through it");
    }

    @Test
    void concurrentBeginsForOneKeyThroughTwoInstancesLetExactlyOneGoAhead() throws Exception {
        LoginThrottle[] instances = {throttle, secondInstanceOnTheSameStore()};
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Optional<Duration>>> begins = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                LoginThrottle through = instances[i % 2];
                begins.add(pool.submit(() -> {
                    start.await();
                    return through.begin("acct", "10.0.0.1", T0);
                }));
            }
            start.countDown();
            int wentAhead = 0;
            for (Future<Optional<Duration>> begin : begins) {
                if (begin.get(30, TimeUnit.SECONDS).isEmpty()) {
                    wentAhead++;
                }
            }
            assertEquals(1, wentAhead);
        } finally {
            pool.shutdownNow();
        }
    }
}
