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
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
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
            Product mug = http.server.storefront().catalog().createProduct().createProduct(new CreateProductCommand("BUSY-1",
                    "Busy mug", "", "Busy", new BigDecimal("3.00"), 10, null));
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

            // Once the other process lets go, the same requests work again, retried as Retry-After says.
            assertEquals(200, afterRetryAfter(() -> http.post("/api/cart/items",
                    "{\"productId\":" + mug.id().value() + "}", sid)).status());
            assertEquals(200, afterRetryAfter(() -> http.login(user, PASSWORD, null)).status());
        }
    }

    /**
     * Many writers at once against a database another process keeps locked: every one of them is
     * answered 503 (none 500, none waiting in the pool until it gives up), and the log gets a
     * WARNING line or two, not one per request, and no stack trace.
     */
    @Test
    void manyConcurrentWritesAgainstALockedDatabaseAreAll503WithoutAWarningEach() throws Exception {
        int writers = 50;
        try (TestServer http = TestServer.start(dataDir);
             Warnings warnings = Warnings.install()) {
            Product mug = http.server.storefront().catalog().createProduct().createProduct(new CreateProductCommand("BUSY-2",
                    "Busy mug", "", "Busy", new BigDecimal("3.00"), 1000, null));
            String sid = http.registeredAndLoggedIn(TestServer.uniqueName("busymany"), PASSWORD);
            String add = "{\"productId\":" + mug.id().value() + ",\"quantity\":1}";

            List<Response> answers = new ArrayList<>();
            long started = System.nanoTime();
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("storefront.db"));
                 Statement lock = other.createStatement()) {
                lock.execute("BEGIN IMMEDIATE");
                warnings.clear();
                ExecutorService clients = Executors.newFixedThreadPool(writers);
                try {
                    List<Future<Response>> pending = new ArrayList<>();
                    for (int i = 0; i < writers; i++) {
                        pending.add(clients.submit(() -> http.post("/api/cart/items", add, sid)));
                    }
                    for (Future<Response> answer : pending) {
                        answers.add(answer.get(60, TimeUnit.SECONDS));
                    }
                } finally {
                    clients.shutdownNow();
                }
                lock.execute("ROLLBACK");
            }
            long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

            Map<Integer, Long> statuses = answers.stream()
                    .collect(Collectors.groupingBy(Response::status, TreeMap::new, Collectors.counting()));
            // The figures docs/reliability.md quotes.
            System.out.printf("DatabaseBusyIT: %d concurrent cart writes while locked: %s in %d ms; %d WARNING+"
                    + " lines, %d characters%n", writers, statuses, elapsedMillis, warnings.count(),
                    String.join("\n", warnings.lines()).length());
            for (Response answer : answers) {
                assertEquals(503, answer.status(), answer.toString());
                assertEquals("1", answer.header("Retry-After").orElse(null), answer.toString());
                assertEquals("/problems/unavailable", answer.json().path("type").asText(), answer.body());
            }
            assertTrue(warnings.count() <= 2, "a WARNING line per request: " + warnings.lines());
            assertTrue(warnings.lines().stream().noneMatch(line -> line.contains("\tat ")), warnings.lines().toString());

            assertEquals(200, afterRetryAfter(() -> http.post("/api/cart/items", add, sid)).status());
        }
    }

    /** The answer of a client that honours 503's Retry-After: tries again after it, a few times at most. */
    private static Response afterRetryAfter(Supplier<Response> request) throws InterruptedException {
        Response answer = request.get();
        for (int retries = 0; answer.status() == 503 && retries < 3; retries++) {
            Thread.sleep(TimeUnit.SECONDS.toMillis(Long.parseLong(answer.header("Retry-After").orElse("1"))));
            answer = request.get();
        }
        return answer;
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
