package dev.storefront.persistence.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDatabaseIT {
    @TempDir
    Path dir;

    private String url() {
        return "jdbc:sqlite:" + dir.resolve("store.db");
    }

    /** A plain connection beside the pool, for what the tests arrange or check by hand. */
    private Jdbi raw() {
        return Jdbi.create(url());
    }

    private List<Map<String, Object>> schemaVersions() {
        return raw().withHandle(h -> h.createQuery("SELECT version, script, checksum, installed_at FROM schema_version")
                .mapToMap().list());
    }

    @Test
    void openAppliesInitialMigrationAndRecordsIt() {
        try (SqliteDatabase db = SqliteDatabase.open(url())) {
            assertTrue(db.isAvailable());
        }

        List<Map<String, Object>> versions = schemaVersions();
        assertEquals(SqliteDatabase.SCRIPTS.size(), versions.size(), versions.toString());
        assertEquals(1, ((Number) versions.get(0).get("version")).intValue());
        assertEquals("V1__init.sql", versions.get(0).get("script"));
        assertEquals(crc32(SqliteDatabase.MIGRATIONS + "V1__init.sql"), ((Number) versions.get(0).get("checksum")).longValue());
        int tables = raw().withHandle(h -> h.createQuery(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'store_setting'").mapTo(Integer.class).one());
        assertEquals(1, tables);
    }

    @Test
    void aDatabaseFileItCreatesIsOwnerOnlyAndSoAreItsWalAndIndex() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        try (SqliteDatabase db = SqliteDatabase.open("jdbc:sqlite:file:" + dir.resolve("store.db") + "?cache=private")) {
            assertTrue(db.isAvailable());
            for (String file : List.of("store.db", "store.db-wal", "store.db-shm")) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))),
                        file);
            }
        }
    }

    @Test
    void anExistingDatabaseFileKeepsItsPermissions() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Files.createFile(dir.resolve("store.db"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-r-----")));
        SqliteDatabase.open(url()).close();
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("store.db"))));
    }

    @Test
    void reopeningAppliesNothingTwice() {
        SqliteDatabase.open(url()).close();
        List<Map<String, Object>> first = schemaVersions();

        SqliteDatabase.open(url()).close();
        SqliteDatabase.open(url()).close();

        assertEquals(first, schemaVersions(), "same rows, same installed_at");
    }

    @Test
    void changedMigrationFailsWithClearMessage() {
        SqliteDatabase.open(url()).close();
        raw().useHandle(h -> h.execute("UPDATE schema_version SET checksum = checksum + 1 WHERE version = 1"));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SqliteDatabase.open(url()).close());

        assertTrue(e.getMessage().contains("V1__init.sql") && e.getMessage().contains("changed"), e.getMessage());
    }

    @Test
    void databaseNewerThanTheCodeFailsWithClearMessage() {
        SqliteDatabase.open(url()).close();
        raw().useHandle(h -> h.execute("INSERT INTO schema_version (version, description, script, checksum, installed_at)"
                + " VALUES (999, 'future', 'V999__future.sql', 0, 0)"));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SqliteDatabase.open(url()).close());

        assertTrue(e.getMessage().contains("newer") && e.getMessage().contains("999"), e.getMessage());
    }

    @Test
    void pragmasAreInForceOnEveryPooledConnection() throws Exception {
        int connections = 4;
        try (SqliteDatabase db = SqliteDatabase.open(url())) {
            CyclicBarrier allHoldingOne = new CyclicBarrier(connections);
            ExecutorService threads = Executors.newFixedThreadPool(connections);
            try {
                List<Future<Map<String, Object>>> results = new ArrayList<>();
                for (int i = 0; i < connections; i++) {
                    // Each thread holds its own pooled connection while it reads the pragmas.
                    results.add(threads.submit(() -> db.transactions().readOnly(() -> db.withHandle(h -> {
                        try {
                            allHoldingOne.await(10, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return Map.<String, Object>of(
                                "connection", System.identityHashCode(h.getConnection()),
                                "journal_mode", h.createQuery("PRAGMA journal_mode").mapTo(String.class).one(),
                                "synchronous", h.createQuery("PRAGMA synchronous").mapTo(Integer.class).one(),
                                "busy_timeout", h.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one(),
                                "foreign_keys", h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one());
                    }))));
                }
                for (Future<Map<String, Object>> result : results) {
                    Map<String, Object> pragmas = result.get(20, TimeUnit.SECONDS);
                    assertEquals("wal", pragmas.get("journal_mode"));
                    assertEquals(1, pragmas.get("synchronous"), "synchronous=NORMAL");
                    assertEquals(5000, pragmas.get("busy_timeout"));
                    assertEquals(1, pragmas.get("foreign_keys"));
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void writeConnectionsKeepSavepointJournalsInMemory() {
        try (SqliteDatabase db = SqliteDatabase.open(url())) {
            // 2 = MEMORY: a batched write transaction's savepoint journal opens no temp file.
            assertEquals(2, (int) db.transactions().inTransaction(() -> db.withHandle(h ->
                    h.createQuery("PRAGMA temp_store").mapTo(Integer.class).one())));
            assertEquals(2, (int) db.withHandle(h -> h.createQuery("PRAGMA temp_store").mapTo(Integer.class).one()));
        }
    }

    @Test
    void inMemoryDatabaseIsMigratedAndSharedAcrossTransactions() {
        try (SqliteDatabase db = SqliteDatabase.open("jdbc:sqlite::memory:")) {
            db.transactions().inTransaction(() -> db.withHandle(h ->
                    h.execute("INSERT INTO store_setting (name, value) VALUES ('a', '1')")));

            String value = db.transactions().readOnly(() -> db.withHandle(h ->
                    h.createQuery("SELECT value FROM store_setting WHERE name = 'a'").mapTo(String.class).one()));
            assertEquals("1", value);
            int versions = db.withHandle(h -> h.createQuery("SELECT count(*) FROM schema_version").mapTo(Integer.class).one());
            assertEquals(SqliteDatabase.SCRIPTS.size(), versions);
        }
    }

    @Test
    void inMemoryDatabasesAreSeparate() {
        try (SqliteDatabase one = SqliteDatabase.open("jdbc:sqlite::memory:");
             SqliteDatabase two = SqliteDatabase.open("jdbc:sqlite::memory:")) {
            one.transactions().inTransaction(() -> one.withHandle(h ->
                    h.execute("INSERT INTO store_setting (name, value) VALUES ('a', '1')")));

            int rows = two.withHandle(h -> h.createQuery("SELECT count(*) FROM store_setting").mapTo(Integer.class).one());
            assertEquals(0, rows);
        }
    }

    @Test
    void inMemoryDatabaseSurvivesAFailedTransaction() {
        try (SqliteDatabase db = SqliteDatabase.open("jdbc:sqlite::memory:")) {
            db.transactions().inTransaction(() -> db.withHandle(h ->
                    h.execute("INSERT INTO store_setting (name, value) VALUES ('a', '1')")));

            // A constraint violation is a database failure: the transaction's connection is discarded.
            assertThrows(RuntimeException.class, () -> db.transactions().inTransaction(() -> db.withHandle(h ->
                    h.execute("INSERT INTO store_setting (name, value) VALUES ('a', '2')"))));

            assertEquals("1", db.withHandle(h ->
                    h.createQuery("SELECT value FROM store_setting WHERE name = 'a'").mapTo(String.class).one()));
        }
    }

    @Test
    void onlySqliteUrlsAreAccepted() {
        assertThrows(IllegalArgumentException.class, () -> SqliteDatabase.open("jdbc:postgresql://localhost/shop"));
    }

    private static long crc32(String resource) {
        try (var in = SqliteDatabaseIT.class.getClassLoader().getResourceAsStream(resource)) {
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(in.readAllBytes());
            return crc.getValue();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
