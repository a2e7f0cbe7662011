package dev.storefront.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.out.LockKey;
import dev.storefront.domain.port.out.Locks;
import dev.storefront.domain.port.out.Transactions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Locks} guarantees, together with the {@link Transactions} of the same adapter.
 * The waits are bounded and nothing is timed: a second transaction's progress is observed by its
 * thread having parked, then by the order in which the two recorded what they did.
 */
public abstract class LocksContract {
    private static final LockKey KEY = new LockKey("contract:one");
    private static final LockKey OTHER = new LockKey("contract:other");
    private static final long BOUND_SECONDS = 10;

    private Transactions transactions;
    private Locks locks;
    private ExecutorService threads;
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());

    /** A fresh transaction boundary; {@link #locks()} is then called for the locks that go with it. */
    protected abstract Transactions transactions();

    protected abstract Locks locks();

    /**
     * Whether two write transactions can run at the same time (PostgreSQL); false where the engine
     * runs one at a time (SQLite, the in-memory fakes), which by itself makes every lock exclusive.
     */
    protected abstract boolean writeTransactionsOverlap();

    @BeforeEach
    void setUp() {
        transactions = transactions();
        locks = locks();
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(BOUND_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    void aLockOutsideAWriteTransactionIsRefused() {
        assertThrows(IllegalStateException.class, () -> locks.lock(KEY));
    }

    @Test
    void aHeldKeyIsTakenAgainAtOnceInTheSameTransactionAlsoFromANestedCall() {
        String result = transactions.inTransaction(() -> {
            locks.lock(KEY);
            locks.lock(KEY);
            return transactions.inTransaction(() -> {
                locks.lock(KEY);
                return "joined";
            });
        });
        assertEquals("joined", result);
    }

    @Test
    void aSecondTransactionTakesTheKeyOnlyAfterTheHolderCommitted() throws Exception {
        secondWaitsForTheHolder(false);
    }

    @Test
    void aSecondTransactionTakesTheKeyOnlyAfterTheHolderRolledBack() throws Exception {
        secondWaitsForTheHolder(true);
    }

    @Test
    void theKeyIsFreeAgainOnceItsTransactionEnded() {
        transactions.inTransaction(() -> locks.lock(KEY));
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            locks.lock(KEY);
            throw new IllegalStateException("rolled back");
        }));
        assertEquals("again", transactions.inTransaction(() -> {
            locks.lock(KEY);
            return "again";
        }));
    }

    @Test
    void differentKeysDoNotWaitForEachOtherBeyondWhatTheEngineSerialises() throws Exception {
        CountDownLatch firstHolds = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> first = threads.submit(() -> transactions.inTransaction(() -> {
            locks.lock(KEY);
            firstHolds.countDown();
            await(writeTransactionsOverlap() ? secondDone : release);
            events.add("first ends");
        }));
        await(firstHolds);
        Future<?> second = threads.submit(() -> {
            transactions.inTransaction(() -> {
                locks.lock(OTHER);
                events.add("second locked");
            });
            secondDone.countDown();
        });
        if (writeTransactionsOverlap()) {
            // The first still holds its key while the second takes another one and commits.
            second.get(BOUND_SECONDS, TimeUnit.SECONDS);
            first.get(BOUND_SECONDS, TimeUnit.SECONDS);
            assertEquals(List.of("second locked", "first ends"), events);
        } else {
            release.countDown();
            first.get(BOUND_SECONDS, TimeUnit.SECONDS);
            second.get(BOUND_SECONDS, TimeUnit.SECONDS);
            assertEquals(List.of("first ends", "second locked"), events);
        }
    }

    private void secondWaitsForTheHolder(boolean rollBack) throws Exception {
        CountDownLatch holderLocked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = threads.submit(() -> transactions.inTransaction(() -> {
            locks.lock(KEY);
            events.add("holder locked");
            holderLocked.countDown();
            await(release);
            events.add("holder ends");
            if (rollBack) {
                throw new IllegalStateException("rolled back on purpose");
            }
        }));
        await(holderLocked);
        AtomicReference<Thread> secondThread = new AtomicReference<>();
        Future<?> second = threads.submit(() -> {
            secondThread.set(Thread.currentThread());
            transactions.inTransaction(() -> {
                locks.lock(KEY);
                events.add("second locked");
            });
        });
        awaitParkedOrDone(secondThread, second);
        assertEquals(List.of("holder locked"), events, "the second must wait while the holder's transaction runs");
        release.countDown();
        if (rollBack) {
            Exception failure = assertThrows(Exception.class, () -> holder.get(BOUND_SECONDS, TimeUnit.SECONDS));
            assertTrue(failure.getCause() instanceof IllegalStateException, failure.toString());
        } else {
            holder.get(BOUND_SECONDS, TimeUnit.SECONDS);
        }
        second.get(BOUND_SECONDS, TimeUnit.SECONDS);
        assertEquals(List.of("holder locked", "holder ends", "second locked"), events);
    }

    /**
     * Whether {@code thread} is waiting for a lock: by default parked or blocked in the JVM (the
     * fakes' locks, SQLite's writer lock). An engine whose lock waits happen on the server, with the
     * thread in a socket read, says so from its own lock table.
     */
    protected boolean waitsForALock(Thread thread) {
        Thread.State state = thread.getState();
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING || state == Thread.State.BLOCKED;
    }

    /** Until the thread waits (in the lock, or for the engine's writer) or its task finished; bounded. */
    private void awaitParkedOrDone(AtomicReference<Thread> thread, Future<?> task) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
        while (!task.isDone()) {
            Thread t = thread.get();
            if (t != null && waitsForALock(t)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the second transaction neither waited nor finished within the bound");
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(BOUND_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("not reached within " + BOUND_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
