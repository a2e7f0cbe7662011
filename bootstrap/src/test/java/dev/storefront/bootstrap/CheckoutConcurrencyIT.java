package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.bootstrap.OrderTestKit.Shopper;
import dev.storefront.bootstrap.HttpTestClient.Response;
import dev.storefront.domain.catalog.Product;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * No oversell under a stampede, over real HTTP: 40 logged-in users each hold one of the last 10
 * units of a product plus a few of a second product, and all check out at the same moment.
 * Exactly 10 win, their orders are complete, the rest get 409 with nothing changed, nobody gets a
 * 5xx, and every unit of both products is accounted for. Repeated to give a race a chance to show.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckoutConcurrencyIT {
    private static final int CLIENTS = 40;
    private static final int LAST_UNITS = 10;
    private static final int SECOND_STOCK = 1_000;

    @TempDir
    static Path dataDir;
    private TestServer server;
    private OrderTestKit kit;
    private final List<Shopper> shoppers = new ArrayList<>();
    private ExecutorService pool;
    private final Map<Integer, Long> millisPerRepetition = new TreeMap<>();

    @BeforeAll
    void start() {
        server = TestServer.start(dataDir);
        kit = new OrderTestKit(server);
        for (int i = 0; i < CLIENTS; i++) {
            shoppers.add(kit.shopper("racer"));
        }
        pool = Executors.newFixedThreadPool(CLIENTS);
    }

    @AfterAll
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        server.close();
        System.getLogger(CheckoutConcurrencyIT.class.getName()).log(System.Logger.Level.INFO,
                "40 simultaneous checkouts, milliseconds per repetition: {0}", millisPerRepetition);
    }

    /** How many of the second product client {@code i} buys. */
    private static int secondQuantity(int i) {
        return 1 + i % 3;
    }

    @RepeatedTest(10)
    void exactlyTheLastTenUnitsAreSoldAndEveryOtherCheckoutIsAConflict(RepetitionInfo repetition) throws Exception {
        Product last = kit.product("12.34", LAST_UNITS);
        Product second = kit.product("0.99", SECOND_STOCK);
        for (int i = 0; i < CLIENTS; i++) {
            kit.fill(shoppers.get(i), second, secondQuantity(i), last, 1);
        }

        CyclicBarrier together = new CyclicBarrier(CLIENTS);
        List<Future<Response>> answers = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < CLIENTS; i++) {
            Shopper shopper = shoppers.get(i);
            answers.add(pool.submit(() -> {
                together.await(10, TimeUnit.SECONDS);
                return kit.checkout(shopper);
            }));
        }
        List<Response> responses = new ArrayList<>();
        for (Future<Response> answer : answers) {
            responses.add(answer.get(30, TimeUnit.SECONDS));
        }
        millisPerRepetition.put(repetition.getCurrentRepetition(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());

        List<Integer> statuses = responses.stream().map(Response::status).toList();
        assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409), "only 201 and 409: " + statuses);
        assertEquals(LAST_UNITS, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(CLIENTS - LAST_UNITS, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(0, kit.stock(last));

        int secondSold = 0;
        for (int i = 0; i < CLIENTS; i++) {
            Response response = responses.get(i);
            Shopper shopper = shoppers.get(i);
            if (response.status() == 201) {
                long id = response.json().path("order").path("id").asLong();
                JsonNode stored = server.get("/api/orders/" + id, shopper.sid()).json().path("order");
                assertEquals(response.json().path("order"), stored, "the stored order is the one answered");
                assertOrderComplete(stored, last, second, secondQuantity(i));
                secondSold += stored.path("items").path(0).path("quantity").asInt();
                assertTrue(kit.cart(shopper).isEmpty(), "a winner's cart is emptied");
            } else {
                JsonNode errors = response.json().path("errors");
                assertEquals(1, errors.size(), response.body());
                assertEquals(last.id().value(), errors.path(0).path("productId").asLong());
                assertEquals(1, errors.path(0).path("requested").asInt());
                assertEquals(0, errors.path(0).path("available").asInt());
                assertEquals(1 + secondQuantity(i), kit.cart(shopper).itemCount(), "a loser's cart is untouched");
            }
        }
        assertEquals(SECOND_STOCK, kit.stock(second) + secondSold, "every unit of the second product accounted for");
        assertEquals(LAST_UNITS, countOrdersOf(last), "no order beyond the winners'");
    }

    private static void assertOrderComplete(JsonNode order, Product last, Product second, int secondQuantity) {
        JsonNode items = order.path("items");
        assertEquals(2, items.size(), order.toString());
        assertEquals(second.id().value(), items.path(0).path("productId").asLong());
        assertEquals(secondQuantity, items.path(0).path("quantity").asInt());
        assertEquals(last.id().value(), items.path(1).path("productId").asLong());
        assertEquals(1, items.path(1).path("quantity").asInt());
        assertEquals(1 + secondQuantity, order.path("itemCount").asInt());
        assertEquals(new java.math.BigDecimal("0.99").multiply(java.math.BigDecimal.valueOf(secondQuantity))
                .add(new java.math.BigDecimal("12.34")).toPlainString(), order.path("total").asText());
        assertEquals("PENDING", order.path("status").asText());
    }

    /** Orders (of any of the racers) holding the product, counted through the API. */
    private long countOrdersOf(Product product) {
        long count = 0;
        for (Shopper shopper : shoppers) {
            JsonNode page = server.get("/api/orders?pageSize=100", shopper.sid()).json();
            for (JsonNode summary : page.path("items")) {
                JsonNode order = server.get("/api/orders/" + summary.path("id").asLong(), shopper.sid()).json()
                        .path("order");
                for (JsonNode item : order.path("items")) {
                    if (item.path("productId").asLong() == product.id().value()) {
                        count++;
                    }
                }
            }
        }
        return count;
    }
}
