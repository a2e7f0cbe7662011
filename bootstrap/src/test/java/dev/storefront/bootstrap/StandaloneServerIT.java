package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.storefront.bootstrap.HttpTestClient.Response;
import dev.storefront.bootstrap.server.StorefrontServer;
import dev.storefront.http.common.ApiResponse;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StandaloneServerIT {
    @TempDir
    Path dir;

    private StorefrontConfig config() {
        return StorefrontConfig.from(Map.of("PORT", "0", "HOST", "127.0.0.1",
                "DATA_DIR", dir.resolve("data").toString(), "DEMO_CATALOG", "false"), new String[0]).config();
    }

    @Test
    void servesHealthAndCreatesTheDataDirectoryWithTheDatabase() {
        try (StorefrontServer server = StorefrontServer.start(config())) {
            Response health = new HttpTestClient(server.port()).get("/health");
            assertEquals(200, health.status());
            assertEquals("{\"status\":\"UP\",\"database\":\"sqlite\"}", health.body());
            assertEquals("application/json; charset=utf-8", health.header("Content-Type").orElseThrow());
        }
        assertTrue(Files.isRegularFile(dir.resolve("data").resolve("storefront.db")));
    }

    @Test
    void theDataDirectoryTheDatabaseAndItsWalAreOwnerOnly() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path data = dir.resolve("data");
        try (StorefrontServer server = StorefrontServer.start(config())) {
            // A write while the server runs: the WAL and its index hold hashes and emails too.
            assertEquals(201, new HttpTestClient(server.port()).send("POST", "/api/register",
                    "{\"username\":\"alice\",\"email\":\"alice@example.com\",\"password\":\"correct horse battery\"}")
                    .status());
            assertEquals("rwx------", permissions(data));
            for (String file : List.of("storefront.db", "storefront.db-wal", "storefront.db-shm")) {
                assertEquals("rw-------", permissions(data.resolve(file)), file);
            }
            assertEquals("rwx------", permissions(data.resolve("outbox")), "the outbox is made at start");
        }
    }

    /** A DATA_DIR made by an earlier version (or by hand under umask 022) is tightened at start. */
    @Test
    void anExistingDataDirectoryDatabaseWalAndOutboxReadableByOthersAreMadeOwnerOnlyAtStart() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path data = dir.resolve("data");
        try (StorefrontServer server = StorefrontServer.start(config())) {
            assertEquals(201, new HttpTestClient(server.port()).send("POST", "/api/register",
                    "{\"username\":\"alice\",\"email\":\"alice@example.com\",\"password\":\"correct horse battery\"}")
                    .status());
        }
        List<Path> files = List.of(data.resolve("storefront.db"), data.resolve("storefront.db-wal"),
                data.resolve("storefront.db-shm"));
        for (Path file : files) {
            if (!Files.exists(file)) {
                Files.createFile(file); // SQLite takes an empty WAL or index as none
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(data.resolve("outbox"), PosixFilePermissions.fromString("rwxr-x---"));
        List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                if (record.getLoggerName().endsWith("OwnerOnlyFiles")) {
                    lines.add(record.getLevel() + " " + java.text.MessageFormat.format(record.getMessage(),
                            record.getParameters()));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Logger.getLogger("").addHandler(capture);
        try (StorefrontServer server = StorefrontServer.start(config())) {
            assertEquals(200, new HttpTestClient(server.port()).send("POST", "/api/login",
                    "{\"login\":\"alice\",\"password\":\"correct horse battery\"}").status(), "the database still opens");
            assertEquals("rwx------", permissions(data));
            assertEquals("rwx------", permissions(data.resolve("outbox")));
            for (Path file : files) {
                assertEquals("rw-------", permissions(file), file.toString());
            }
        } finally {
            java.util.logging.Logger.getLogger("").removeHandler(capture);
        }
        assertEquals(5, lines.size(), "one line per path changed: " + lines);
        assertTrue(lines.stream().allMatch(line -> line.startsWith("INFO ")), lines.toString());
        assertTrue(lines.stream().anyMatch(line -> line.contains(data.resolve("storefront.db-wal").toString())), lines.toString());
    }

    private static String permissions(Path path) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void shutdownLetsARequestInFlightFinishThenRefusesNewOnes() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StorefrontServer server = StorefrontServer.start(config(), builder -> builder.routes(router ->
                router.get("/api/test/slow", request -> {
                    entered.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return ApiResponse.ok(Map.of("finished", true));
                })));
        HttpTestClient http = new HttpTestClient(server.port());
        CompletableFuture<Response> inFlight = CompletableFuture.supplyAsync(() -> http.get("/api/test/slow"));
        assertTrue(entered.await(10, TimeUnit.SECONDS), "the slow request reached its handler");

        CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
        Thread.sleep(200); // give close() time to start refusing; the request must still be held
        assertTrue(!closing.isDone(), "close waits for the request in flight");
        release.countDown();

        Response finished = inFlight.get(10, TimeUnit.SECONDS);
        assertEquals(200, finished.status());
        assertEquals("{\"finished\":true}", finished.body());
        closing.get(10, TimeUnit.SECONDS);
        assertEquals(
                org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> http.get("/health")).getClass(),
                java.io.UncheckedIOException.class, "the listener is closed");
    }
}
