package dev.storefront.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.out.PeriodicWork;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What every {@link PeriodicWork} guarantees: each round once per interval, across instances on one store. */
public abstract class PeriodicWorkContract {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** A fresh store of rounds. */
    protected abstract PeriodicWork createRounds();

    /** Another instance on the store {@link #createRounds} made last, as a second server on the database would have. */
    protected abstract PeriodicWork secondInstanceOnTheSameStore();

    @Test
    void theFirstClaimOfARoundWinsAndTheRoundIsClaimedAgainOnlyOnceItsIntervalHasPassed() {
        PeriodicWork rounds = createRounds();
        assertTrue(rounds.claimRound("sessions", T0, MINUTE));
        assertFalse(rounds.claimRound("sessions", T0, MINUTE), "claimed already");
        assertFalse(rounds.claimRound("sessions", T0.plus(MINUTE).minusMillis(1), MINUTE), "within the interval");
        assertTrue(rounds.claimRound("sessions", T0.plus(MINUTE), MINUTE), "a whole interval later");
        assertFalse(rounds.claimRound("sessions", T0.plus(MINUTE).plusSeconds(30), MINUTE));
    }

    @Test
    void roundsOfDifferentNamesAreClaimedApart() {
        PeriodicWork rounds = createRounds();
        assertTrue(rounds.claimRound("sessions", T0, MINUTE));
        assertTrue(rounds.claimRound("idempotency-keys", T0, MINUTE));
        assertFalse(rounds.claimRound("sessions", T0.plusSeconds(1), MINUTE));
    }

    @Test
    void aClockBehindTheClaimDoesNotWinTheRoundAgain() {
        PeriodicWork rounds = createRounds();
        assertTrue(rounds.claimRound("sessions", T0, MINUTE));
        assertFalse(rounds.claimRound("sessions", T0.minusSeconds(5), MINUTE));
    }

    @Test
    void aRoundClaimedThroughOneInstanceIsClaimedForTheOther() {
        PeriodicWork first = createRounds();
        PeriodicWork second = secondInstanceOnTheSameStore();
        assertTrue(first.claimRound("sessions", T0, MINUTE));
        assertFalse(second.claimRound("sessions", T0.plusSeconds(59), MINUTE));
        assertTrue(second.claimRound("sessions", T0.plus(MINUTE), MINUTE));
        assertFalse(first.claimRound("sessions", T0.plus(MINUTE), MINUTE));
    }

    @Test
    void ofConcurrentClaimsThroughTwoInstancesExactlyOneWinsEachRound() throws Exception {
        PeriodicWork[] instances = {createRounds(), secondInstanceOnTheSameStore()};
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 3; round++) {
                // The first round creates the round's record; the later ones race on an existing one.
                Instant now = T0.plus(MINUTE.multipliedBy(round));
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> claims = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    PeriodicWork through = instances[i % 2];
                    claims.add(pool.submit(() -> {
                        start.await();
                        return through.claimRound("raced", now, MINUTE);
                    }));
                }
                start.countDown();
                int won = 0;
                for (Future<Boolean> claim : claims) {
                    won += claim.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertEquals(1, won, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
