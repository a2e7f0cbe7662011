package dev.storefront.bootstrap.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.bootstrap.reliability.Http.Answer;
import dev.storefront.persistence.sqlite.SqliteDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: the server jar runs as its own process, several clients check out as fast as they
 * can, and the process is killed with SIGKILL at a random moment — three times — then restarted on
 * the same database. After each restart: every order a client was told about exists, complete;
 * every order is exactly the cart it was placed from (no partial order); stock plus units sold
 * equals the starting stock for every product; the sessions still work; and the checkout that was
 * in flight at the kill, retried with its Idempotency-Key, either replays the committed order or
 * finds the cart still full — never an empty cart and no order.
 */
class ReliabilityCrashIT {
    private static final int ROUNDS = 3;
    private static final int CLIENTS = 6;
    private static final String PASSWORD = "crash suite passphrase 3";

    @TempDir
    Path work;

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void committedOrdersSurviveSigkillCompleteAndStockAddsUp() throws Exception {
        long seed = Long.getLong("reliability.seed", System.nanoTime());
        Random random = new Random(seed);
        Path dataDir = work.resolve("data");
        Files.createDirectories(dataDir);
        Database db = new Database(dataDir.resolve("storefront.db"));

        Path catalog = work.resolve("catalog.json");
        Files.writeString(catalog, """
                {"currency": "USD", "products": [
                  {"sku": "CRASH-SCARCE-1", "name": "Scarce one", "category": "Crash", "price": "4.20", "stock": 40},
                  {"sku": "CRASH-SCARCE-2", "name": "Scarce two", "category": "Crash", "price": "0.99", "stock": 40},
                  {"sku": "CRASH-PLENTY-1", "name": "Plenty one", "category": "Crash", "price": "12.00", "stock": 5000},
                  {"sku": "CRASH-PLENTY-2", "name": "Plenty two", "category": "Crash", "price": "7.35", "stock": 5000}
                ]}""");
        // The database a first serve creates: import-catalog works on an existing one only.
        SqliteDatabase.open("jdbc:sqlite:" + dataDir.resolve("storefront.db")).close();
        assertEquals(0, JarServer.run(dataDir, work.resolve("import.log"), "import-catalog", catalog.toString()),
                () -> read(work.resolve("import.log")));
        Map<Long, Long> initial = Invariants.stock(db);
        List<Long> products = new ArrayList<>(initial.keySet());
        assertEquals(4, products.size());

        List<Path> logs = new ArrayList<>();
        Path firstLog = work.resolve("server-0.log");
        logs.add(firstLog);
        JarServer server = JarServer.start(dataDir, firstLog);
        List<Shopper> shoppers = new ArrayList<>();
        List<String> secrets = new ArrayList<>(List.of(PASSWORD));
        try {
            Http http = new Http(server.port);
            for (int i = 0; i < CLIENTS; i++) {
                String name = "crash" + i;
                assertEquals(201, http.post("/api/register", "{\"username\":\"" + name + "\",\"email\":\"" + name
                        + "@example.com\",\"password\":\"" + PASSWORD + "\"}", null).status());
                String sid = http.post("/api/login", "{\"login\":\"" + name + "\",\"password\":\"" + PASSWORD + "\"}", null).sid();
                secrets.add(sid);
                shoppers.add(new Shopper(name, sid, products, random.nextLong()));
            }

            long checks = 0;
            int replayed = 0;
            int retriedFresh = 0;
            int kills = 0;
            List<Long> killMoments = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                // Twenty checkouts a round sell more than the scarce stock over the three rounds.
                CountDownLatch someCheckouts = new CountDownLatch(20);
                List<Thread> threads = new ArrayList<>();
                for (Shopper shopper : shoppers) {
                    shopper.prepare(new Http(server.port), "r" + round, someCheckouts);
                    Thread thread = new Thread(shopper, shopper.name);
                    thread.start();
                    threads.add(thread);
                }
                assertTrue(someCheckouts.await(60, TimeUnit.SECONDS), "no checkouts under load");
                long moment = random.nextInt(900);
                killMoments.add(moment);
                Thread.sleep(moment); // a random moment of the load, after it has surely begun
                server.kill();
                kills++;
                for (Thread thread : threads) {
                    thread.join(TimeUnit.SECONDS.toMillis(40));
                    assertFalse(thread.isAlive(), "a client hangs after the kill");
                }

                Path log = work.resolve("server-" + round + ".log");
                logs.add(log);
                server = JarServer.start(dataDir, log);
                Http after = new Http(server.port);

                // The checkout in flight at the kill, retried with its key.
                Map<String, Long> keys = Invariants.keys(db);
                for (Shopper shopper : shoppers) {
                    String key = shopper.inFlight;
                    if (key == null) {
                        continue;
                    }
                    Answer retry = after.call("POST", "/api/checkout").sid(shopper.sid).header("Idempotency-Key", key).send();
                    if (keys.containsKey(key)) {
                        assertEquals(200, retry.status(), () -> "committed before the kill, so replayed: " + retry);
                        assertEquals(keys.get(key), retry.json().path("order").path("id").asLong());
                        replayed++;
                    } else {
                        assertTrue(retry.status() == 201 || retry.status() == 409,
                                () -> "not committed, so the cart must still be full: " + retry);
                        if (retry.status() == 201) {
                            shopper.acknowledged.put(retry.json().path("order").path("id").asLong(), shopper.attempted.get(key));
                            retriedFresh++;
                        }
                    }
                    shopper.inFlight = null;
                }

                // Every order is exactly one attempted cart, every acknowledged order is there.
                Map<Long, String> contents = Invariants.orderContents(db);
                Map<Long, String> byOrder = new HashMap<>();
                Invariants.keys(db).forEach((key, order) -> byOrder.put(order, key));
                Map<String, String> attempted = new HashMap<>();
                shoppers.forEach(s -> attempted.putAll(s.attempted));
                for (Map.Entry<Long, String> order : contents.entrySet()) {
                    String key = byOrder.get(order.getKey());
                    assertTrue(key != null, "order " + order.getKey() + " has no key: every checkout sent one");
                    assertEquals(attempted.get(key), order.getValue(), "order " + order.getKey() + " is its whole cart");
                    checks++;
                }
                for (Shopper shopper : shoppers) {
                    for (Map.Entry<Long, String> told : shopper.acknowledged.entrySet()) {
                        assertEquals(told.getValue(), contents.get(told.getKey()), "acknowledged order " + told.getKey()
                                + " survived the kill, complete");
                        checks++;
                    }
                    Answer user = after.get("/api/user", shopper.sid);
                    assertEquals(200, user.status(), () -> "the session survives the kill: " + user);
                    long userId = user.json().path("user").path("id").asLong();
                    long total = after.get("/api/orders?pageSize=1", shopper.sid).json().path("total").asLong();
                    assertEquals(db.count("SELECT COUNT(*) FROM orders WHERE user_id = " + userId), total,
                            "the order history over HTTP matches the database");
                    checks += 2;
                }
                long[] counted = new long[1];
                List<String> violations = Invariants.violations(db, initial, counted);
                checks += counted[0];
                assertTrue(violations.isEmpty(), "round " + round + " (seed " + seed + "): " + violations);
            }

            long requests = shoppers.stream().mapToLong(s -> s.requests.get()).sum();
            long serverErrors = shoppers.stream().mapToLong(s -> s.serverErrors.get()).sum();
            long acknowledged = shoppers.stream().mapToLong(s -> s.acknowledged.size()).sum();
            long orders = db.count("SELECT COUNT(*) FROM orders");
            long conflicts = shoppers.stream().mapToLong(s -> s.conflicts.get()).sum();
            Map<Integer, Long> unexpected = new HashMap<>();
            shoppers.forEach(s -> s.unexpected.forEach((status, n) -> unexpected.merge(status, n.get(), Long::sum)));
            assertEquals(0, serverErrors, "5xx under load (seed " + seed + ")");
            assertTrue(conflicts > 0, "the scarce products were raced for to the last unit");
            assertTrue(unexpected.isEmpty(), "unexpected answers: " + unexpected);
            server.stop();

            for (Path log : logs) {
                String text = read(log);
                for (String secret : secrets) {
                    assertFalse(text.contains(secret), "a secret in " + log.getFileName());
                }
                assertFalse(text.contains("SEVERE"), "a failure was logged in " + log.getFileName() + ":\n" + text);
            }
            Checks.report(String.format("crash: seed=%d kills=%d killMomentsMs=%s requests=%d 5xx=%d acknowledged=%d "
                            + "ordersInDb=%d stockConflicts=%d inFlightReplayed=%d inFlightPlacedOnRetry=%d invariantChecks=%d",
                    seed, kills, killMoments, requests, serverErrors, acknowledged, orders, conflicts, replayed,
                    retriedFresh, checks));
        } finally {
            shoppers.forEach(Shopper::stop);
            server.process.destroyForcibly();
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (java.io.IOException e) {
            return "unreadable: " + e;
        }
    }
}
