package dev.storefront.persistence.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WAL checkpoints off the request path: the pool never checkpoints, the checkpointer thread does. */
class WalCheckpointerIT {
    @TempDir
    Path dir;

    private SqliteDatabase db;

    private String url() {
        return "jdbc:sqlite:" + dir.resolve("store.db");
    }

    private Path wal() {
        return dir.resolve("store.db-wal");
    }

    private void open(long intervalMillis, int restartAtPages) {
        db = SqliteDatabase.open(url(), 4, intervalMillis, restartAtPages);
        db.withHandle(h -> h.execute("CREATE TABLE blob_row (id INTEGER PRIMARY KEY, body BLOB NOT NULL)"));
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    /** One write transaction of about two pages. */
    private void write() {
        db.transactions().inTransaction(() -> db.withHandle(h -> h.createUpdate(
                "INSERT INTO blob_row (body) VALUES (randomblob(6000))").execute()));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        await(condition, () -> what);
    }

    private static void await(BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, () -> "timed out waiting until " + what.get());
            Thread.sleep(5);
        }
    }

    @Test
    void poolConnectionsLeaveCheckpointsToTheCheckpointer() {
        open(60_000, 1_000_000);
        int autoCheckpoint = db.withHandle(h -> h.createQuery("PRAGMA wal_autocheckpoint").mapTo(Integer.class).one());
        assertEquals(0, autoCheckpoint, "a commit never copies the WAL back in the request's thread");

        for (int i = 0; i < 600; i++) { // ~1,200 pages: past SQLite's default auto-checkpoint of 1,000
            write();
        }
        int walPages = db.withHandle(h -> h.createQuery("PRAGMA wal_checkpoint(PASSIVE)")
                .map((rs, ctx) -> rs.getInt(2)).one());
        assertTrue(walPages > 1_000, "no commit started the WAL over: " + walPages + " pages");
    }

    @Test
    void theCheckpointerCopiesTheWalBackAndStopsAtClose() throws Exception {
        open(10, 1_000_000);
        WalCheckpointer checkpointer = db.checkpointer();
        assertNotNull(checkpointer);
        assertTrue(checkpointer.isRunning());
        for (int i = 0; i < 50; i++) {
            write();
        }

        // One snapshot of the last round, read once: three reads could see three different rounds.
        await(() -> {
            WalCheckpointer.Result round = checkpointer.last();
            return round.walPages() >= 100 && round.checkpointedPages() == round.walPages();
        }, () -> "a round copied the whole WAL back (last round: " + checkpointer.last() + ")");

        db.close();
        db = null;
        assertFalse(checkpointer.isRunning(), "close() stops the thread");
        assertTrue(!Files.exists(wal()) || Files.size(wal()) == 0, "and leaves no WAL to replay");
        try (Connection raw = DriverManager.getConnection(url()); Statement s = raw.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM blob_row")) {
            rs.next();
            assertEquals(50, rs.getInt(1), "every commit is in the database file");
        }
    }

    @Test
    void theWalStartsOverUnderSteadyWritesOnceAReaderLetsGo() throws Exception {
        int restartAt = 200;
        open(10, restartAt);
        WalCheckpointer checkpointer = db.checkpointer();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong commits = new AtomicLong();
        ExecutorService writers = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        try (Connection reader = DriverManager.getConnection(url()); Statement s = reader.createStatement()) {
            for (int i = 0; i < 3; i++) {
                running.add(writers.submit(() -> {
                    while (writing.get()) {
                        write();
                        commits.incrementAndGet();
                        // Steady, not flat out: flat out, 3 writers could add the restart threshold's
                        // 200 pages within one 10 ms round on a fast machine, and no round would
                        // ever see the WAL short although it was started over.
                        Thread.sleep(1);
                    }
                    return null;
                }));
            }
            // A reader pins an early snapshot: the WAL can only grow meanwhile.
            await(() -> commits.get() > 10, "writers have started");
            s.execute("BEGIN");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM blob_row")) {
                rs.next();
            }
            await(() -> checkpointer.last().walPages() > 3 * restartAt, "the WAL grew past the limit");
            long before = commits.get();
            await(() -> commits.get() > before + 50, "writers keep committing while the WAL is pinned");
            s.execute("COMMIT");

            // Writers never stop, yet the WAL is started over within a few rounds.
            long restarts = checkpointer.restarts();
            await(() -> checkpointer.restarts() > restarts, "the checkpointer started the WAL over");
            await(() -> checkpointer.last().walPages() < restartAt, "a round found the WAL short again");
        } finally {
            writing.set(false);
            for (Future<?> writer : running) {
                writer.get(10, TimeUnit.SECONDS);
            }
            writers.shutdown();
        }
    }
}
