package dev.storefront.bootstrap.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.bootstrap.reliability.Http.Answer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load without loss: many concurrent clients run a mixed workload (browse, cart, checkout,
 * cancel, login and logout, guests too) for a fixed time against the real server, with scarce
 * products that they race for. Afterwards no request got a 5xx, every order a client was told
 * about is there with its status, and stock plus units sold equals the starting stock for every
 * product. {@code -Dreliability.loadSeconds=N} changes the duration (default 20).
 */
class ReliabilityLoadIT {
    private static final int CUSTOMERS = 14;
    private static final int GUESTS = 4;

    @TempDir
    Path dataDir;

    private final ConcurrentMap<String, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong fiveHundreds = new AtomicLong();
    private final List<String> serverErrors = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Order id to the status the client last saw for it. */
    private final ConcurrentMap<Long, String> orders = new ConcurrentHashMap<>();

    private Answer send(String op, Http.Call call) {
        Answer answer = call.send();
        requests.incrementAndGet();
        statuses.computeIfAbsent(op + " " + answer.status(), k -> new AtomicLong()).incrementAndGet();
        if (answer.status() >= 500) {
            fiveHundreds.incrementAndGet();
            if (serverErrors.size() < 10) {
                serverErrors.add(op + ": " + answer.status() + " " + answer.body());
            }
        }
        return answer;
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aMixedWorkloadLosesNothingAndNeverGets5xx() throws Exception {
        long seed = Long.getLong("reliability.seed", System.nanoTime());
        long seconds = Long.getLong("reliability.loadSeconds", 20);
        try (LogCapture log = LogCapture.install(); Shop shop = Shop.start(dataDir)) {
            String admin = shop.admin();
            List<Long> products = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                products.add(shop.product(admin, "LOAD-" + i, (i + 1) + "." + (i * 7 % 100 < 10 ? "0" : "") + (i * 7 % 100),
                        i < 3 ? 25 : 10_000));
            }
            Map<Long, Long> initial = Invariants.stock(shop.db);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < CUSTOMERS; i++) {
                String name = Shop.uniqueName("load");
                shop.register(name);
                names.add(name);
            }

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            ExecutorService pool = Executors.newFixedThreadPool(CUSTOMERS + GUESTS);
            List<Future<?>> clients = new ArrayList<>();
            Random seeds = new Random(seed);
            for (int i = 0; i < CUSTOMERS + GUESTS; i++) {
                String name = i < CUSTOMERS ? names.get(i) : null;
                Random random = new Random(seeds.nextLong());
                clients.add(pool.submit(() -> {
                    client(shop, name, products, random, deadline);
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get(seconds + 60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));

            assertEquals(0, fiveHundreds.get(), "5xx under load: " + serverErrors);
            assertTrue(serverErrors.isEmpty(), "unexpected answers under load: " + serverErrors);
            long[] checked = new long[1];
            List<String> violations = Invariants.violations(shop.db, initial, checked);
            assertTrue(violations.isEmpty(), "seed " + seed + ": " + violations);
            Map<Long, String> contents = Invariants.orderContents(shop.db);
            for (Map.Entry<Long, String> order : orders.entrySet()) {
                assertTrue(contents.containsKey(order.getKey()), "acknowledged order " + order.getKey() + " is missing");
                String status = shop.db.strings("SELECT status FROM orders WHERE id = " + order.getKey()).get(0);
                assertEquals(order.getValue(), status, "order " + order.getKey());
                checked[0] += 2;
            }
            for (long product : products.subList(0, 3)) {
                long left = Invariants.stock(shop.db).get(product);
                assertTrue(left >= 0, "scarce product " + product + " oversold");
            }
            assertFalse(log.text().contains("\tat "), "a stack trace was logged under load");
            TreeMap<String, Long> counts = new TreeMap<>();
            statuses.forEach((k, v) -> counts.put(k, v.get()));
            long checkouts = counts.getOrDefault("checkout 201", 0L);
            assertTrue(checkouts > 20, "the load placed orders: " + counts);
            assertTrue(counts.getOrDefault("checkout 409", 0L) > 0, "the scarce products were raced for: " + counts);
            Checks.report(String.format("load: seed=%d seconds=%d clients=%d requests=%d (%.0f/s) 5xx=%d orders=%d "
                            + "checkout409=%d cancelled=%d invariantChecks=%d statuses=%s",
                    seed, seconds, CUSTOMERS + GUESTS, requests.get(), requests.get() / (double) seconds,
                    fiveHundreds.get(), orders.size(), counts.getOrDefault("checkout 409", 0L),
                    orders.values().stream().filter("CANCELLED"::equals).count(), checked[0], counts));
        }
    }

    /** One client: a customer when {@code name} is given, else a guest. */
    private void client(Shop shop, String name, List<Long> products, Random random, long deadline) {
        Http http = new Http(shop.server.port());
        String sid = name == null ? null : login(http, name, null);
        List<Long> mine = new ArrayList<>();
        int keys = 0;
        while (System.nanoTime() < deadline) {
            int pick = random.nextInt(100);
            long product = products.get(random.nextInt(products.size()));
            if (pick < 40) {
                String query = switch (random.nextInt(5)) {
                    case 0 -> "/api/products?sort=-price&pageSize=" + (1 + random.nextInt(100));
                    case 1 -> "/api/products?q=load&inStock=true&page=" + (1 + random.nextInt(3));
                    case 2 -> "/api/products/" + product;
                    case 3 -> "/api/categories";
                    default -> "/api/products?minPrice=2&maxPrice=6.5&sort=newest";
                };
                Answer answer = send("browse", http.call("GET", query).sid(sid));
                check(answer.status() == 200, "browse " + query, answer);
            } else if (pick < 65) {
                Answer answer = send("cart", http.call("POST", "/api/cart/items").sid(sid)
                        .json("{\"productId\":" + product + ",\"quantity\":" + (1 + random.nextInt(3)) + "}"));
                check(answer.status() == 200 || answer.status() == 409, "add", answer);
                if (sid == null && answer.status() == 200 && name == null) {
                    sid = answer.sid(); // a guest keeps its cart
                }
                if (random.nextInt(4) == 0) {
                    Answer put = send("cart", http.call("PUT", "/api/cart/items/" + product).sid(sid).json("{\"quantity\":1}"));
                    check(put.status() == 200 || put.status() == 404 || put.status() == 409, "put", put);
                }
            } else if (pick < 80) {
                if (name == null) {
                    send("cart", http.call("GET", "/api/cart").sid(sid));
                    continue;
                }
                if (sid == null) {
                    sid = login(http, name, null);
                }
                Answer checkout = send("checkout", http.call("POST", "/api/checkout").sid(sid)
                        .header("Idempotency-Key", name + "-" + (++keys)));
                check(checkout.status() == 201 || checkout.status() == 409 || checkout.status() == 400, "checkout", checkout);
                if (checkout.status() == 201) {
                    long id = checkout.json().path("order").path("id").asLong();
                    orders.put(id, "PENDING");
                    mine.add(id);
                } else if (checkout.status() == 409) {
                    send("cart", http.call("DELETE", "/api/cart").sid(sid));
                }
            } else if (pick < 85) {
                if (name == null || sid == null || mine.isEmpty()) {
                    continue;
                }
                long order = mine.remove(random.nextInt(mine.size()));
                Answer cancel = send("cancel", http.call("POST", "/api/orders/" + order + "/cancel").sid(sid));
                check(cancel.status() == 200, "cancel", cancel);
                orders.put(order, "CANCELLED");
                Answer again = send("cancel", http.call("POST", "/api/orders/" + order + "/cancel").sid(sid));
                check(again.status() == 409, "cancel twice", again);
            } else if (pick < 95) {
                if (name != null) {
                    send("dashboard", http.call("GET", sid == null ? "/api/products" : "/api/dashboard").sid(sid));
                    send("orders", http.call("GET", "/api/orders?pageSize=5").sid(sid));
                }
            } else {
                if (name == null) {
                    continue;
                }
                if (sid != null && random.nextBoolean()) {
                    Answer out = send("logout", http.call("POST", "/api/logout").sid(sid));
                    check(out.status() == 200, "logout", out);
                    sid = null;
                } else {
                    sid = login(http, name, sid);
                }
            }
        }
    }

    private String login(Http http, String name, String sid) {
        Answer answer = send("login", http.call("POST", "/api/login").sid(sid)
                .json("{\"login\":\"" + name + "\",\"password\":\"" + Shop.PASSWORD + "\"}"));
        check(answer.status() == 200, "login", answer);
        return answer.status() == 200 ? answer.sid() : null;
    }

    private void check(boolean ok, String what, Answer answer) {
        if (!ok && serverErrors.size() < 10) {
            serverErrors.add("unexpected " + what + ": " + answer.status() + " " + answer.body());
        }
    }
}
