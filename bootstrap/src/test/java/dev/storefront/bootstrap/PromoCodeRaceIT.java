package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.bootstrap.HttpTestClient.Response;
import dev.storefront.bootstrap.OrderTestKit.Shopper;
import dev.storefront.domain.catalog.Product;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * {@code usageLimit} holds under a stampede, over real HTTP, like stock: 40 logged-in buyers, each with
 * a cart, all check out at the same moment with a code limited to 10 uses (a shipping method is
 * active, so each sends an address and a method too). Exactly 10 orders carry the discount, the other
 * 30 get the 400 on {@code promoCode} ("has been used up") with nothing taken, nobody gets a 5xx, and
 * the admin API counts 10 uses. Repeated, and run on SQLite and PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromoCodeRaceIT {
    private static final int BUYERS = 40;
    private static final int USAGE_LIMIT = 10;
    private static final String BODY = "{\"shippingAddress\":{\"name\":\"Racer\",\"line1\":\"1 Track\",\"city\":\"Monza\","
            + "\"postalCode\":\"20900\",\"country\":\"IT\"},\"shippingMethod\":\"standard\",\"promoCode\":\"%s\"}";

    @TempDir
    static Path dataDir;
    private TestServer server;
    private OrderTestKit kit;
    private Shopper admin;
    private final List<Shopper> buyers = new ArrayList<>();
    private ExecutorService pool;
    private final Map<Integer, Long> millisPerRepetition = new TreeMap<>();

    @BeforeAll
    void start() {
        server = TestServer.start(dataDir);
        kit = new OrderTestKit(server);
        admin = kit.admin("boss");
        assertEquals(200, server.send("PUT", "/api/admin/shipping-methods/standard",
                "{\"name\":\"Standard\",\"price\":\"4.90\"}", admin.sid()).status());
        for (int i = 0; i < BUYERS; i++) {
            buyers.add(kit.shopper("buyer"));
        }
        pool = Executors.newFixedThreadPool(BUYERS);
    }

    @AfterAll
    void stop() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        server.close();
        System.getLogger(PromoCodeRaceIT.class.getName()).log(System.Logger.Level.INFO,
                "40 simultaneous checkouts for 10 uses of a code, milliseconds per repetition: {0}",
                millisPerRepetition);
    }

    @RepeatedTest(5)
    void exactlyTenOrdersCarryTheCodeAndTheOtherThirtyAreRefusedOnPromoCode(RepetitionInfo repetition)
            throws Exception {
        String code = ("RACE" + repetition.getCurrentRepetition() + TestServer.uniqueName("X"))
                .toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_-]", "");
        Response created = server.send("POST", "/api/admin/promo-codes", "{\"code\":\"" + code
                + "\",\"kind\":\"amount\",\"value\":\"3.00\",\"usageLimit\":" + USAGE_LIMIT + "}", admin.sid());
        assertEquals(201, created.status(), created.toString());
        Product product = kit.product("20.00", 1_000);
        for (Shopper buyer : buyers) {
            kit.fill(buyer, product, 1);
        }

        CyclicBarrier together = new CyclicBarrier(BUYERS);
        List<Future<Response>> answers = new ArrayList<>();
        long started = System.nanoTime();
        for (Shopper buyer : buyers) {
            answers.add(pool.submit(() -> {
                together.await(30, TimeUnit.SECONDS);
                return server.send("POST", "/api/checkout", String.format(BODY, code), buyer.sid());
            }));
        }
        int discounted = 0;
        int refused = 0;
        for (Future<Response> future : answers) {
            Response answer = future.get(60, TimeUnit.SECONDS);
            assertTrue(answer.status() < 500, "no 5xx: " + answer);
            if (answer.status() == 201) {
                JsonNode order = answer.json().path("order");
                assertEquals(code, order.path("promoCode").asText(), answer.toString());
                assertEquals("3.00", order.path("discount").asText(), answer.toString());
                assertEquals("21.90", order.path("total").asText(), "20.00 − 3.00 + 4.90");
                discounted++;
            } else {
                assertEquals(400, answer.status(), answer.toString());
                assertEquals(List.of("promoCode"), answer.errorFields(), answer.toString());
                assertTrue(answer.json().path("errors").path(0).path("message").asText().contains("used up"),
                        answer.toString());
                refused++;
            }
        }
        millisPerRepetition.put(repetition.getCurrentRepetition(), (System.nanoTime() - started) / 1_000_000);

        assertEquals(USAGE_LIMIT, discounted);
        assertEquals(BUYERS - USAGE_LIMIT, refused);
        assertEquals(1_000 - USAGE_LIMIT, kit.stock(product), "a refused checkout takes no stock");
        int refusedCarts = 0;
        for (Shopper buyer : buyers) {
            refusedCarts += kit.cart(buyer).isEmpty() ? 0 : 1;
        }
        assertEquals(BUYERS - USAGE_LIMIT, refusedCarts, "a refused buyer keeps the cart");
        assertEquals(USAGE_LIMIT, timesUsed(code));
    }

    private int timesUsed(String code) {
        for (int page = 1; page < 100; page++) {
            Response answer = server.get("/api/admin/promo-codes?pageSize=100&page=" + page, admin.sid());
            assertEquals(200, answer.status(), answer.toString());
            for (JsonNode item : answer.json().path("items")) {
                if (item.path("code").asText().equals(code)) {
                    return item.path("timesUsed").asInt();
                }
            }
            if (answer.json().path("items").isEmpty()) {
                break;
            }
        }
        throw new AssertionError("no promo code " + code);
    }
}
