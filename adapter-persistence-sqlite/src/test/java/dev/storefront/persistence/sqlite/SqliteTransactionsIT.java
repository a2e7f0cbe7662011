package dev.storefront.persistence.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.common.DatabaseBusy;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteTransactionsIT {
    @TempDir
    Path dir;

    private SqliteDatabase db;
    private SqliteTransactions tx;

    private String url() {
        return "jdbc:sqlite:" + dir.resolve("store.db");
    }

    private void open(int poolSize) {
        db = SqliteDatabase.open(url(), poolSize);
        tx = db.transactions();
        db.withHandle(h -> h.execute("CREATE TABLE item (name TEXT PRIMARY KEY)"));
        db.withHandle(h -> h.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)"));
        db.withHandle(h -> h.execute("INSERT INTO counter (id, n) VALUES (1, 0)"));
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private void insert(String name) {
        db.withHandle(h -> h.createUpdate("INSERT INTO item (name) VALUES (:name)").bind("name", name).execute());
    }

    /** Rows as this pool's current transaction (if any) sees them. */
    private int countHere() {
        return db.withHandle(h -> h.createQuery("SELECT count(*) FROM item").mapTo(Integer.class).one());
    }

    /** Committed rows, as another connection sees them. */
    private int countCommitted() {
        return Jdbi.create(url()).withHandle(h -> h.createQuery("SELECT count(*) FROM item").mapTo(Integer.class).one());
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> RuntimeException sneakyThrow(Throwable e) throws E {
        throw (E) e;
    }

    @Test
    void commitsOnSuccess() {
        open(4);

        String result = tx.inTransaction(() -> {
            insert("a");
            insert("b");
            return "done";
        });

        assertEquals("done", result);
        assertEquals(2, countCommitted());
    }

    @Test
    void rightAfterTheLockWasFoundTakenPastTheBusyTimeoutWritesFailAtOnceInsteadOfWaitingAgain() throws Exception {
        open(4);
        tx.busyBackoff(TimeUnit.MINUTES.toNanos(1)); // the window outlasts any slowness of this machine
        try (Connection other = DriverManager.getConnection(url()); Statement lock = other.createStatement()) {
            lock.execute("BEGIN IMMEDIATE");
            assertThrows(DatabaseBusy.class, () -> tx.inTransaction(() -> {
                insert("waited");
                return null;
            }));
            lock.execute("ROLLBACK");
        }

        // The lock is free now, but within the window a write is refused without trying.
        assertThrows(DatabaseBusy.class, () -> tx.inTransaction(() -> {
            insert("refused");
            return null;
        }));
        tx.busyBackoff(0);
        tx.inTransaction(() -> {
            insert("written");
            return null;
        });
        assertEquals(1, countCommitted());
    }

    @Test
    void aReadThatGetsNoPooledConnectionWithinThePoolTimeoutIsDatabaseBusy() throws Exception {
        open(1);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            Future<?> held = holder.submit(() -> tx.readOnly(() -> {
                countHere();
                holding.countDown();
                await(release);
                return null;
            }));
            holding.await();
            // The pool's only read connection is taken for longer than the pool waits.
            assertThrows(DatabaseBusy.class, () -> tx.readOnly(this::countHere));
            release.countDown();
            held.get();
        } finally {
            release.countDown();
            holder.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void rollsBackOnRuntimeExceptionAndRethrowsIt() {
        open(4);
        IllegalArgumentException failure = new IllegalArgumentException("no");

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> tx.inTransaction(() -> {
            insert("a");
            throw failure;
        }));

        assertSame(failure, thrown);
        assertEquals(0, countCommitted());
        assertEquals(0, countHere());
    }

    @Test
    void rollsBackOnError() {
        open(4);

        assertThrows(AssertionError.class, () -> tx.inTransaction(() -> {
            insert("a");
            throw new AssertionError("boom");
        }));

        assertEquals(0, countCommitted());
    }

    @Test
    void rollsBackOnCheckedExceptionSneakedThroughAndFreesTheConnection() {
        open(1); // one connection: a transaction left open on it would break the next one at once

        assertThrows(IOException.class, () -> tx.inTransaction(() -> {
            insert("a");
            throw sneakyThrow(new IOException("disk on fire"));
        }));

        tx.inTransaction(() -> insert("b"));
        assertEquals(1, countCommitted());
    }

    @Test
    void nestedCallJoinsAndSeesOuterUncommittedRows() {
        open(4);

        tx.inTransaction(() -> {
            insert("outer");
            assertEquals(1, tx.inTransaction(this::countHere), "inner write call joins");
            assertEquals(1, tx.readOnly(this::countHere), "inner read call joins");
            assertEquals(0, countCommitted(), "nothing is committed before the outer call ends");
        });

        assertEquals(1, countCommitted());
    }

    @Test
    void innerFailureRethrownByOuterRollsBackEverything() {
        open(4);

        assertThrows(IllegalStateException.class, () -> tx.inTransaction(() -> {
            insert("outer-before");
            try {
                tx.inTransaction(() -> {
                    insert("inner");
                    throw new IllegalArgumentException("inner fails");
                });
            } catch (IllegalArgumentException e) {
                insert("outer-after");
                throw new IllegalStateException("outer gives up", e);
            }
            return null;
        }));

        assertEquals(0, countCommitted());
    }

    @Test
    void innerFailureSwallowedByOuterKeepsTheJoinedWork() {
        open(4);

        tx.inTransaction(() -> {
            insert("outer");
            try {
                tx.inTransaction(() -> {
                    insert("inner");
                    throw new IllegalArgumentException("inner fails");
                });
            } catch (IllegalArgumentException expected) {
                // joined, not nested: there is no savepoint, the outer decides for the whole unit
            }
        });

        assertEquals(2, countCommitted());
    }

    @Test
    void writeInsideReadOnlyIsRefused() {
        open(1);

        assertThrows(RuntimeException.class, () -> tx.readOnly(() -> {
            insert("sneaky");
            return null;
        }));

        assertEquals(0, countCommitted());
    }

    @Test
    void writeTransactionInsideReadOnlyIsRefused() {
        open(4);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> tx.readOnly(() -> tx.inTransaction(() -> 1)));

        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
    }

    @Test
    void connectionIsWritableAgainAfterReadOnly() {
        open(1); // the same connection serves both calls

        assertEquals(0, tx.readOnly(this::countHere));
        assertThrows(RuntimeException.class, () -> tx.readOnly(() -> {
            insert("refused");
            return null;
        }));
        tx.inTransaction(() -> insert("a"));
        insert("b"); // autocommit, outside any transaction

        assertEquals(2, countCommitted());
    }

    @Test
    void readOnlySeesOneSnapshot() throws Exception {
        open(4);
        CountDownLatch firstRead = new CountDownLatch(1);
        CountDownLatch written = new CountDownLatch(1);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> write = writer.submit(() -> {
                firstRead.await(10, TimeUnit.SECONDS);
                tx.inTransaction(() -> insert("concurrent"));
                written.countDown();
                return null;
            });

            int[] seen = tx.readOnly(() -> {
                int before = countHere();
                firstRead.countDown();
                try {
                    assertTrue(written.await(10, TimeUnit.SECONDS), "a writer commits while the reader is open");
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return new int[] {before, countHere()};
            });

            write.get(10, TimeUnit.SECONDS);
            assertEquals(0, seen[0]);
            assertEquals(0, seen[1], "a read-only transaction does not see a commit made after it started reading");
            assertEquals(1, countHere());
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void concurrentReadThenWriteTransactionsNeverFailWithBusyAndLoseNothing() throws Exception {
        open(8);
        int writers = 4;
        long runNanos = TimeUnit.MILLISECONDS.toNanos(1500);
        AtomicInteger commits = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                running.add(threads.submit(() -> {
                    start.await();
                    long end = System.nanoTime() + runNanos;
                    while (System.nanoTime() < end) {
                        try {
                            // Read, then write: the pattern that fails with SQLITE_BUSY under DEFERRED.
                            tx.inTransaction(() -> db.withHandle(h -> {
                                long n = h.createQuery("SELECT n FROM counter WHERE id = 1").mapTo(Long.class).one();
                                return h.createUpdate("UPDATE counter SET n = :n WHERE id = 1").bind("n", n + 1).execute();
                            }));
                            commits.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.incrementAndGet();
                            firstFailure.compareAndSet(null, e);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : running) {
                writer.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertEquals(0, failures.get(), () -> "first failure: " + firstFailure.get());
        assertTrue(commits.get() > writers, "each writer committed: " + commits.get());
        long counted = Jdbi.create(url()).withHandle(h ->
                h.createQuery("SELECT n FROM counter WHERE id = 1").mapTo(Long.class).one());
        assertEquals(commits.get(), counted, "every committed increment is there, none lost");
    }

    @Test
    void databaseFailureInsideTransactionIsRethrownAndTheNextTransactionWorks() {
        open(1);
        tx.inTransaction(() -> insert("a"));

        RuntimeException e = assertThrows(RuntimeException.class, () -> tx.inTransaction(() -> {
            insert("b");
            insert("a"); // primary key violation
            return null;
        }));

        assertInstanceOf(org.jdbi.v3.core.JdbiException.class, e);
        tx.inTransaction(() -> insert("c"));
        assertEquals(2, countCommitted(), "a and c; b rolled back");
    }
    @Test
    void afterCommitRunsOnceTheTransactionCommittedAndOutsideIt() {
        open(4);
        List<String> seen = new ArrayList<>();

        tx.inTransaction(() -> {
            insert("a");
            tx.afterCommit(() -> seen.add("committed rows " + countCommitted()
                    + ", in a write transaction " + tx.inWriteTransaction()));
            assertEquals(List.of(), seen, "not before the commit");
        });

        assertEquals(List.of("committed rows 1, in a write transaction false"), seen);
    }

    @Test
    void afterCommitIsDroppedOnRollback() {
        open(4);
        List<String> seen = new ArrayList<>();

        assertThrows(IllegalStateException.class, () -> tx.inTransaction(() -> {
            insert("a");
            tx.afterCommit(() -> seen.add("ran"));
            throw new IllegalStateException("roll back");
        }));
        tx.inTransaction(() -> insert("b"));

        assertEquals(List.of(), seen);
    }

    @Test
    void afterCommitWithoutTransactionRunsAtOnce() {
        open(4);
        List<String> seen = new ArrayList<>();

        tx.afterCommit(() -> seen.add("ran"));

        assertEquals(List.of("ran"), seen);
    }

    @Test
    void aFailingAfterCommitActionDoesNotFailTheCommittedTransaction() {
        open(4);
        List<String> seen = new ArrayList<>();

        tx.inTransaction(() -> {
            insert("a");
            tx.afterCommit(() -> {
                throw new IllegalStateException("listener broke");
            });
            tx.afterCommit(() -> seen.add("second ran"));
        });

        assertEquals(1, countCommitted());
        assertEquals(List.of("second ran"), seen);
    }

    @Test
    void aReadOnlyTransactionTellsWhetherItsSnapshotIsTakenYet() {
        open(4);
        assertTrue(tx.nextReadSeesLatestCommits(), "no transaction: every statement is fresh");

        tx.readOnly(() -> {
            assertTrue(tx.nextReadSeesLatestCommits(), "a deferred BEGIN has not read yet");
            countHere();
            assertFalse(tx.nextReadSeesLatestCommits(), "its snapshot is fixed by the first read");
            assertFalse(tx.inWriteTransaction());
            return null;
        });
        tx.inTransaction(() -> assertTrue(tx.inWriteTransaction()));
    }

    /**
     * Starts a write transaction on another thread that, once inside, holds the writers' lock until
     * {@code queued} more write transactions wait behind it, so that those run as one batch.
     */
    private Future<Object> leaderHoldingUntilQueued(ExecutorService threads, int queued, List<String> ran) throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        Future<Object> leader = threads.submit(() -> tx.inTransaction(() -> {
            insert("leader");
            ran.add("leader");
            inside.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (tx.queuedWrites() < queued && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            return null;
        }));
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        return leader;
    }

    /** Submits a write transaction and waits until it is queued, so the queue keeps submission order. */
    private Future<Object> queued(ExecutorService threads, java.util.function.Supplier<Object> work) throws Exception {
        int before = tx.queuedWrites();
        Future<Object> future = threads.submit(() -> tx.inTransaction(work));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // Queued, or already run: the last one lets the leader go, which may take it at once.
        while (tx.queuedWrites() == before && !future.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return future;
    }

    private static Throwable failureOf(Future<?> future) {
        java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> future.get(10, TimeUnit.SECONDS));
        return e.getCause();
    }

    @Test
    void writeTransactionsThatQueueRunAsOneBatchAndEachKeepsItsOwnOutcome() throws Exception {
        open(4);
        List<String> ran = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> committedActions = java.util.Collections.synchronizedList(new ArrayList<>());
        RuntimeException refused = new IllegalArgumentException("refused after writing");
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            long begunBefore = tx.writeTransactionsBegun();
            Future<Object> leader = leaderHoldingUntilQueued(threads, 4, ran);
            List<Future<Object>> batch = new ArrayList<>();
            for (String name : List.of("a", "b", "refused", "c")) {
                batch.add(queued(threads, () -> {
                    insert(name);
                    ran.add(name);
                    tx.afterCommit(() -> committedActions.add(name));
                    // Nested calls join the batch's transaction and see the unit's own row.
                    assertTrue(tx.inWriteTransaction());
                    assertEquals(1, (int) tx.readOnly(() -> db.withHandle(h -> h.createQuery(
                            "SELECT count(*) FROM item WHERE name = :name").bind("name", name).mapTo(Integer.class).one())));
                    if (name.equals("refused")) {
                        throw refused;
                    }
                    return name;
                }));
            }
            assertEquals(null, leader.get(10, TimeUnit.SECONDS));
            assertEquals("a", batch.get(0).get(10, TimeUnit.SECONDS));
            assertEquals("b", batch.get(1).get(10, TimeUnit.SECONDS));
            assertSame(refused, failureOf(batch.get(2)), "the failing unit gets its own exception");
            assertEquals("c", batch.get(3).get(10, TimeUnit.SECONDS));

            assertEquals(List.of("leader", "a", "b", "refused", "c"), ran, "in arrival order");
            assertEquals(2, tx.writeTransactionsBegun() - begunBefore, "the leader's, then one for the four queued");
            assertEquals(List.of("a", "b", "c", "leader"), committedNames(), "only the refused unit's row is gone");
            assertEquals(List.of("a", "b", "c"), committedActions, "after-commit actions of committed units only");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void aUnitThatBreaksTheBatchsTransactionFailsThoseThatRanWithItAndTheRestRunAfresh() throws Exception {
        open(4);
        List<String> ran = java.util.Collections.synchronizedList(new ArrayList<>());
        RuntimeException breaking = new IllegalStateException("rolled the whole transaction back");
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            Future<Object> leader = leaderHoldingUntilQueued(threads, 3, ran);
            Future<Object> before = queued(threads, () -> {
                insert("before");
                return "before";
            });
            Future<Object> breaker = queued(threads, () -> {
                // What SQLite does by itself after some errors (SQLITE_FULL, SQLITE_IOERR).
                db.withHandle(h -> h.execute("ROLLBACK"));
                throw breaking;
            });
            Future<Object> after = queued(threads, () -> {
                insert("after");
                return "after";
            });
            leader.get(10, TimeUnit.SECONDS);

            Throwable lost = failureOf(before);
            assertInstanceOf(IllegalStateException.class, lost);
            assertSame(breaking, lost.getCause(), "it names what broke the transaction");
            assertSame(breaking, failureOf(breaker));
            assertEquals("after", after.get(10, TimeUnit.SECONDS), "not run yet when it broke: a fresh transaction");
            assertEquals(List.of("after", "leader"), committedNames());
            tx.inTransaction(() -> insert("next"));
            assertEquals(List.of("after", "leader", "next"), committedNames(), "the writers go on");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void manyConcurrentWritersLoseNothingAndLeaveNothingQueued() throws Exception {
        open(8);
        int writers = 16;
        int each = 100;
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                running.add(threads.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        tx.inTransaction(() -> db.withHandle(h ->
                                h.execute("UPDATE counter SET n = n + 1 WHERE id = 1")));
                    }
                    return null;
                }));
            }
            for (Future<?> writer : running) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        long counted = Jdbi.create(url()).withHandle(h ->
                h.createQuery("SELECT n FROM counter WHERE id = 1").mapTo(Long.class).one());
        assertEquals(writers * each, counted, "every increment committed once");
        assertEquals(0, tx.queuedWrites());
    }

    private List<String> committedNames() {
        return Jdbi.create(url()).withHandle(h -> h.createQuery("SELECT name FROM item ORDER BY name")
                .mapTo(String.class).list());
    }

    @Test
    void anErrorInOneUnitsAfterCommitActionLetsEveryCallerOfTheBatchGoOn() throws Exception {
        open(4);
        List<String> ran = java.util.Collections.synchronizedList(new ArrayList<>());
        List<String> actions = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<Object> leader = leaderHoldingUntilQueued(threads, 2, ran);
            Future<Object> failingAction = queued(threads, () -> {
                insert("a");
                tx.afterCommit(() -> {
                    throw new AssertionError("an after-commit action that fails hard");
                });
                return "a";
            });
            Future<Object> other = queued(threads, () -> {
                insert("b");
                tx.afterCommit(() -> actions.add("b"));
                return "b";
            });
            leader.get(10, TimeUnit.SECONDS);
            assertEquals("a", failingAction.get(10, TimeUnit.SECONDS), "committed: its caller does not see it fail");
            assertEquals("b", other.get(10, TimeUnit.SECONDS));
            assertEquals(List.of("b"), actions, "the other unit's action still ran");
            assertEquals(List.of("a", "b", "leader"), committedNames());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void moreQueuedThanOneBatchTakesRunInSeveralAndAllComplete() throws Exception {
        open(4);
        int queuedUnits = SqliteTransactions.MAX_BATCH + 8;
        List<String> ran = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(queuedUnits + 1);
        try {
            long begunBefore = tx.writeTransactionsBegun();
            Future<Object> leader = leaderHoldingUntilQueued(threads, queuedUnits, ran);
            List<Future<Object>> units = new ArrayList<>();
            for (int i = 0; i < queuedUnits; i++) {
                String name = String.format("u%02d", i);
                units.add(queued(threads, () -> {
                    insert(name);
                    return name;
                }));
            }
            leader.get(10, TimeUnit.SECONDS);
            for (int i = 0; i < queuedUnits; i++) {
                assertEquals(String.format("u%02d", i), units.get(i).get(10, TimeUnit.SECONDS));
            }
            assertEquals(queuedUnits + 1, committedNames().size());
            assertEquals(3, tx.writeTransactionsBegun() - begunBefore,
                    "the leader's, a full batch of " + SqliteTransactions.MAX_BATCH + ", then the rest");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void anInterruptOfTheLeaderIsNotSeenByTheOthersWork() throws Exception {
        open(4);
        List<String> ran = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch inside = new CountDownLatch(1);
            Future<Boolean> leader = threads.submit(() -> tx.inTransaction(() -> {
                insert("leader");
                inside.countDown();
                while (tx.queuedWrites() < 1) {
                    Thread.onSpinWait();
                }
                Thread.currentThread().interrupt(); // say, its request was cancelled
                return true;
            }).booleanValue() && Thread.currentThread().isInterrupted());
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            Future<Object> other = threads.submit(() -> tx.inTransaction(() -> {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    throw new IllegalStateException("the leader's interrupt leaked into this work", e);
                }
                insert("other");
                return "other";
            }));
            assertEquals("other", other.get(10, TimeUnit.SECONDS));
            assertTrue(leader.get(10, TimeUnit.SECONDS), "the leader's own caller keeps its interrupt");
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void withGroupCommitOffEachWriteRunsAloneOnItsCallersOwnThread() throws Exception {
        open(4);
        db.groupCommit(false);
        int writers = 8;
        int each = 25;
        long begunBefore = tx.writeTransactionsBegun();
        ExecutorService threads = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> running = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                running.add(threads.submit(() -> {
                    int elsewhere = 0;
                    for (int i = 0; i < each; i++) {
                        Thread caller = Thread.currentThread();
                        Thread ranOn = tx.inTransaction(() -> {
                            db.withHandle(h -> h.execute("UPDATE counter SET n = n + 1 WHERE id = 1"));
                            return Thread.currentThread();
                        });
                        elsewhere += ranOn == caller ? 0 : 1;
                    }
                    return elsewhere;
                }));
            }
            for (Future<Integer> writer : running) {
                assertEquals(0, writer.get(60, TimeUnit.SECONDS), "work ran on another thread");
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(writers * each, tx.writeTransactionsBegun() - begunBefore, "one SQLite transaction each");
        long counted = Jdbi.create(url()).withHandle(h ->
                h.createQuery("SELECT n FROM counter WHERE id = 1").mapTo(Long.class).one());
        assertEquals(writers * each, counted);
    }
}
