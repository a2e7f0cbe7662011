package dev.storefront.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.out.TotpRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.TotpCredential;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link TotpRepository} does, races of two uses of one code included. */
public abstract class TotpRepositoryContract {
    protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");
    private static final long STEP = 59_000_000L;
    private static final int RACES = 20;
    private TotpRepository totp;
    private UserId alice;
    private UserId bob;

    protected abstract TotpRepository createRepository();

    /** Creates a user the credentials can belong to. */
    protected abstract UserId createUser(String name);

    /** The transactions the repository joins (each racer runs in one of its own). */
    protected abstract Transactions transactions();

    @BeforeEach
    void setUp() {
        totp = createRepository();
        alice = createUser("alice");
        bob = createUser("bob");
    }

    private static TokenDigest digest(char c) {
        return new TokenDigest(String.valueOf(c).repeat(64));
    }

    private <T> T tx(Supplier<T> work) {
        return transactions().inTransaction(work::get);
    }

    @Test
    void storesAPendingCredentialAndConfirmsIt() {
        assertTrue(totp.find(alice).isEmpty());
        totp.savePending(alice, "sealed-a", T0);
        assertEquals(new TotpCredential(alice, "sealed-a", false, TotpCredential.NO_STEP_USED), totp.find(alice).orElseThrow());
        assertTrue(totp.confirm(alice));
        assertTrue(totp.find(alice).orElseThrow().confirmed());
        assertFalse(totp.confirm(bob), "bob has none");
        assertTrue(totp.find(bob).isEmpty());
    }

    @Test
    void aNewPendingCredentialReplacesTheOldOneAndForgetsItsSteps() {
        totp.savePending(alice, "sealed-a", T0);
        assertTrue(totp.useStep(alice, STEP));
        totp.savePending(alice, "sealed-b", T0.plusSeconds(1));
        assertEquals(new TotpCredential(alice, "sealed-b", false, TotpCredential.NO_STEP_USED), totp.find(alice).orElseThrow());
    }

    @Test
    void aStepIsUsedOnceAndNoEarlierStepAfterIt() {
        totp.savePending(alice, "sealed-a", T0);
        totp.savePending(bob, "sealed-b", T0);
        assertTrue(totp.useStep(alice, STEP));
        assertFalse(totp.useStep(alice, STEP), "the same step again: a replay");
        assertFalse(totp.useStep(alice, STEP - 1), "an earlier step after a later one");
        assertTrue(totp.useStep(alice, STEP + 1));
        assertEquals(STEP + 1, totp.find(alice).orElseThrow().lastUsedStep());
        assertTrue(totp.useStep(bob, STEP), "another user's steps are their own");
        assertFalse(totp.useStep(createUser("carol"), STEP), "no credential, nothing to use");
    }

    @Test
    void recoveryCodesAreReplacedAndEachIsUsedOnceByItsOwner() {
        totp.replaceRecoveryCodes(alice, List.of(digest('a'), digest('b')));
        totp.replaceRecoveryCodes(bob, List.of(digest('c')));
        assertEquals(2, totp.recoveryCodesLeft(alice));
        assertFalse(totp.useRecoveryCode(alice, digest('c')), "bob's code");
        assertTrue(totp.useRecoveryCode(alice, digest('a')));
        assertFalse(totp.useRecoveryCode(alice, digest('a')), "used");
        assertEquals(1, totp.recoveryCodesLeft(alice));
        totp.replaceRecoveryCodes(alice, List.of(digest('d')));
        assertFalse(totp.useRecoveryCode(alice, digest('b')), "replaced");
        assertTrue(totp.useRecoveryCode(alice, digest('d')));
        assertEquals(1, totp.recoveryCodesLeft(bob));
    }

    @Test
    void deleteAllOfErasesTheCredentialAndTheCodesOfThatUserOnly() {
        totp.savePending(alice, "sealed-a", T0);
        totp.savePending(bob, "sealed-b", T0);
        totp.replaceRecoveryCodes(alice, List.of(digest('a')));
        totp.replaceRecoveryCodes(bob, List.of(digest('b')));
        totp.deleteAllOf(alice);
        assertTrue(totp.find(alice).isEmpty());
        assertEquals(0, totp.recoveryCodesLeft(alice));
        assertTrue(totp.find(bob).isPresent());
        assertEquals(1, totp.recoveryCodesLeft(bob));
    }

    @Test
    void ofTwoConcurrentUsesOfOneStepExactlyOneWins() throws Exception {
        tx(() -> {
            totp.savePending(alice, "sealed-a", T0);
            return null;
        });
        for (int race = 1; race <= RACES; race++) {
            long step = STEP + race;
            assertEquals(1, wins(() -> tx(() -> totp.find(alice).isPresent() && totp.useStep(alice, step))),
                    "race " + race);
        }
    }

    @Test
    void ofTwoConcurrentUsesOfOneRecoveryCodeExactlyOneWins() throws Exception {
        List<TokenDigest> codes = new ArrayList<>();
        for (int race = 0; race < RACES; race++) {
            codes.add(new TokenDigest(String.format("%064x", race + 1)));
        }
        tx(() -> {
            totp.replaceRecoveryCodes(alice, codes);
            return null;
        });
        for (TokenDigest code : codes) {
            assertEquals(1, wins(() -> tx(() -> totp.useRecoveryCode(alice, code))));
        }
        assertEquals(0, totp.recoveryCodesLeft(alice));
    }

    /** Runs {@code use} on two threads released together; @return how many succeeded */
    private static int wins(Supplier<Boolean> use) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return use.get();
                }));
            }
            int won = 0;
            for (Future<Boolean> result : results) {
                won += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            return won;
        } finally {
            pool.shutdownNow();
        }
    }
}
