package dev.storefront.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.passkey.ChallengePurpose;
import dev.storefront.domain.passkey.PasskeyChallenge;
import dev.storefront.domain.port.out.PasskeyChallengeRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.session.SessionHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PasskeyChallengeRepository} does. */
public abstract class PasskeyChallengeRepositoryContract {
    protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");
    private static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final SessionHandle ONE = new SessionHandle("session-one-handle");
    private static final SessionHandle TWO = new SessionHandle("session-two-handle");
    private PasskeyChallengeRepository challenges;

    protected abstract PasskeyChallengeRepository createRepository();

    /** The transactions the repository joins (for the race). */
    protected abstract Transactions transactions();

    @BeforeEach
    void setUp() {
        challenges = createRepository();
    }

    private static PasskeyChallenge challenge(char c) {
        return new PasskeyChallenge(String.valueOf(c).repeat(43));
    }

    private void issue(SessionHandle session, ChallengePurpose purpose, char c) {
        challenges.issue(session, purpose, challenge(c), T0.plus(LIFETIME));
    }

    @Test
    void aChallengeIsConsumedOnceBySessionAndPurpose() {
        issue(ONE, ChallengePurpose.LOGIN, 'a');
        issue(ONE, ChallengePurpose.REGISTRATION, 'b');
        issue(TWO, ChallengePurpose.LOGIN, 'c');
        assertEquals(Optional.of(challenge('a')), challenges.consume(ONE, ChallengePurpose.LOGIN, T0));
        assertTrue(challenges.consume(ONE, ChallengePurpose.LOGIN, T0).isEmpty(), "single use");
        assertEquals(Optional.of(challenge('b')), challenges.consume(ONE, ChallengePurpose.REGISTRATION, T0));
        assertEquals(Optional.of(challenge('c')), challenges.consume(TWO, ChallengePurpose.LOGIN, T0));
    }

    @Test
    void aNewerChallengeReplacesTheSessionsOlderOne() {
        issue(ONE, ChallengePurpose.LOGIN, 'a');
        issue(ONE, ChallengePurpose.LOGIN, 'b');
        assertEquals(Optional.of(challenge('b')), challenges.consume(ONE, ChallengePurpose.LOGIN, T0));
        assertTrue(challenges.consume(ONE, ChallengePurpose.LOGIN, T0).isEmpty());
    }

    @Test
    void anExpiredChallengeIsNotReturnedAndIsGone() {
        issue(ONE, ChallengePurpose.LOGIN, 'a');
        assertTrue(challenges.consume(ONE, ChallengePurpose.LOGIN, T0.plus(LIFETIME)).isEmpty(), "expired at its expiry");
        assertTrue(challenges.consume(ONE, ChallengePurpose.LOGIN, T0).isEmpty(), "and removed");
    }

    @Test
    void deletesExpiredChallenges() {
        issue(ONE, ChallengePurpose.LOGIN, 'a');
        challenges.issue(TWO, ChallengePurpose.LOGIN, challenge('b'), T0.plus(LIFETIME).plusSeconds(60));
        assertEquals(1, challenges.deleteExpired(T0.plus(LIFETIME)));
        assertEquals(Optional.of(challenge('b')), challenges.consume(TWO, ChallengePurpose.LOGIN, T0));
    }

    @Test
    void ofConcurrentConsumersExactlyOneGetsTheChallenge() throws Exception {
        int racers = 4;
        for (int round = 0; round < 10; round++) {
            issue(ONE, ChallengePurpose.LOGIN, 'a');
            CyclicBarrier start = new CyclicBarrier(racers);
            ExecutorService pool = Executors.newFixedThreadPool(racers);
            try {
                List<Future<Optional<PasskeyChallenge>>> results = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    results.add(pool.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return transactions().inTransaction(() -> challenges.consume(ONE, ChallengePurpose.LOGIN, T0));
                    }));
                }
                int winners = 0;
                for (Future<Optional<PasskeyChallenge>> result : results) {
                    winners += result.get(30, TimeUnit.SECONDS).isPresent() ? 1 : 0;
                }
                assertEquals(1, winners, "round " + round);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
