package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.bootstrap.HttpTestClient.Response;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.port.in.catalog.CreateProductCommand;
import dev.storefront.inmemory.ManualTimeSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Another process holds SQLite's write lock for longer than the server's busy timeout (5 s), as a
 * long {@code import-catalog} did: the server answers writes 503 with {@code Retry-After} instead
 * of 500, keeps answering reads that would only have refreshed the session's last-seen time, and
 * logs no more than a line per request at WARNING.
 */
class DatabaseBusyIT {
    private static final String PASSWORD = "busy database phrase 7";

    @TempDir
    Path dataDir;

    @Test
    void aBusyDatabaseAnswers503WithRetryAfterAndReadsStillWork() throws Exception {
        ManualTimeSource clock = new ManualTimeSource();
        try (TestServer http = TestServer.start(dataDir, Map.of(), builder -> builder.timeSource(clock));
             Warnings warnings = Warnings.install()) {
            Product mug = http.server.storefront().createProduct().createProduct(new CreateProductCommand("BUSY-1",
                    "Busy mug", "", "Busy", new BigDecimal("3.00"), 10));
            String user = TestServer.uniqueName("busy");
            String sid = http.registeredAndLoggedIn(user, PASSWORD);
            clock.advance(Duration.ofMinutes(2)); // the next request with the session writes its last-seen time

            List<Response> answers;
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("storefront.db"));
                 Statement lock = other.createStatement()) {
                lock.execute("BEGIN IMMEDIATE");
                warnings.clear();
                CompletableFuture<Response> write = CompletableFuture.supplyAsync(() -> http.post("/api/cart/items",
                        "{\"productId\":" + mug.id().value() + ",\"quantity\":1}", sid));
                CompletableFuture<Response> read = CompletableFuture.supplyAsync(() -> http.get("/api/products", sid));
                CompletableFuture<Response> login = CompletableFuture.supplyAsync(() -> http.login(user, PASSWORD, null));
                answers = List.of(write.get(), read.get(), login.get());
                lock.execute("ROLLBACK");
            }

            // The figures docs/reliability.md quotes.
            System.out.printf("DatabaseBusyIT: cart write %d, GET /api/products %d, login %d; %d WARNING+ lines,"
                    + " %d characters%n", answers.get(0).status(), answers.get(1).status(), answers.get(2).status(),
                    warnings.count(), String.join("\n", warnings.lines()).length());
            Response write = answers.get(0);
            assertEquals(503, write.status(), write.toString());
            assertEquals("1", write.header("Retry-After").orElse(null), write.toString());
            assertTrue(write.header("Content-Type").orElse("").startsWith("application/problem+json"), write.toString());
            assertEquals("/problems/unavailable", write.json().path("type").asText(), write.body());
            assertEquals(200, answers.get(1).status(), answers.get(1).toString());
            assertTrue(answers.get(1).body().contains("BUSY-1"), answers.get(1).body());
            Response login = answers.get(2);
            assertTrue(login.status() == 503 || login.status() == 200, login.toString());
            if (login.status() == 503) {
                assertEquals("1", login.header("Retry-After").orElse(null), login.toString());
            }
            assertTrue(warnings.count() <= answers.size(), "more WARNING lines than requests: " + warnings.lines());
            assertTrue(warnings.lines().stream().noneMatch(line -> line.contains("\tat ")), warnings.lines().toString());

            // Once the other process lets go, the same requests work again.
            assertEquals(200, http.post("/api/cart/items", "{\"productId\":" + mug.id().value() + "}", sid).status());
            assertEquals(200, http.login(user, PASSWORD, null).status());
        }
    }

    /** Records at WARNING and above of this JVM, with any stack trace, while installed. */
    static final class Warnings extends Handler implements AutoCloseable {
        private final List<String> lines = new ArrayList<>();

        static Warnings install() {
            Warnings warnings = new Warnings();
            warnings.setLevel(Level.WARNING);
            Logger.getLogger("").addHandler(warnings);
            return warnings;
        }

        @Override
        public synchronized void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                StringBuilder line = new StringBuilder(record.getLoggerName() + " " + record.getMessage());
                for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                    line.append("\n\tat ").append(t);
                }
                lines.add(line.toString());
            }
        }

        synchronized void clear() {
            lines.clear();
        }

        synchronized int count() {
            return lines.size();
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {
            Logger.getLogger("").removeHandler(this);
        }
    }
}
