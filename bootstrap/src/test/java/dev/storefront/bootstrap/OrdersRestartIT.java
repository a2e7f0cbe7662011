package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.bootstrap.OrderTestKit.Shopper;
import dev.storefront.bootstrap.HttpTestClient.Response;
import dev.storefront.domain.catalog.Product;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orders are durable: placed, cancelled and moved along, then the server is stopped and a new one
 * started on the same data directory; every order, item, status, timestamp and stock level is as it
 * was, and an idempotency key used before the restart still replays its order.
 */
class OrdersRestartIT {
    @TempDir
    Path dataDir;

    @Test
    void everyOrderItemAndStockLevelSurvivesARestart() {
        List<Shopper> shoppers = new ArrayList<>();
        List<Product> products = new ArrayList<>();
        Map<String, String> before = new LinkedHashMap<>();
        String replayed;
        try (TestServer server = TestServer.start(dataDir)) {
            OrderTestKit kit = new OrderTestKit(server);
            Shopper admin = kit.admin("admin");
            for (int i = 0; i < 3; i++) {
                shoppers.add(kit.shopper("durable"));
            }
            products.add(kit.product("8.50", 50));
            products.add(kit.product("0.10", 500));
            products.add(kit.product("1999.99", 30));
            for (int round = 0; round < 3; round++) {
                for (int s = 0; s < shoppers.size(); s++) {
                    kit.fill(shoppers.get(s), products.get((s + round) % 3), 1 + round,
                            products.get((s + round + 1) % 3), 1 + s);
                    Response placed = kit.checkout(shoppers.get(s), "Idempotency-Key", "order-" + s + "-" + round);
                    assertEquals(201, placed.status(), placed.body());
                }
            }
            long firstOfAll = firstOrderId(server, shoppers.get(0));
            assertEquals(200, server.post("/api/orders/" + firstOfAll + "/cancel", null, shoppers.get(0).sid()).status());
            long secondShoppers = firstOrderId(server, shoppers.get(1));
            assertEquals(200, server.post("/api/orders/" + secondShoppers + "/status", "{\"status\":\"PAID\"}",
                    admin.sid()).status());
            kit.fill(shoppers.get(2), products.get(0), 4);
            replayed = kit.checkout(shoppers.get(2), "Idempotency-Key", "order-2-1").body();
            before.putAll(snapshot(server, kit, shoppers, products));
        }

        try (TestServer restarted = TestServer.start(dataDir)) {
            OrderTestKit kit = new OrderTestKit(restarted);
            List<Shopper> again = new ArrayList<>();
            for (Shopper shopper : shoppers) {
                again.add(new Shopper(shopper.username(), shopper.id(),
                        restarted.login(shopper.username(), OrderTestKit.PASSWORD, null).sid()));
            }

            assertEquals(before, snapshot(restarted, kit, again, products));
            Response replay = kit.checkout(again.get(2), "Idempotency-Key", "order-2-1");
            assertEquals(200, replay.status(), replay.body());
            assertEquals(replayed, replay.body(), "a key used before the restart replays its order");
            assertEquals(4, kit.cart(again.get(2)).itemCount(), "the saved cart survived too");
        }
    }

    private static long firstOrderId(TestServer server, Shopper shopper) {
        JsonNode items = server.get("/api/orders?pageSize=100", shopper.sid()).json().path("items");
        return items.path(items.size() - 1).path("id").asLong();
    }

    /** Every order of every shopper in full, their history pages and dashboards, and every stock level. */
    private static Map<String, String> snapshot(TestServer server, OrderTestKit kit, List<Shopper> shoppers,
                                                List<Product> products) {
        Map<String, String> state = new LinkedHashMap<>();
        int orders = 0;
        for (Shopper shopper : shoppers) {
            JsonNode page = server.get("/api/orders?pageSize=100", shopper.sid()).json();
            state.put(shopper.username() + " history", page.toString());
            for (JsonNode summary : page.path("items")) {
                long id = summary.path("id").asLong();
                JsonNode order = server.get("/api/orders/" + id, shopper.sid()).json();
                assertTrue(order.path("order").path("items").size() >= 1);
                state.put("order " + id, order.toString());
                orders++;
            }
            JsonNode dashboard = server.get("/api/dashboard", shopper.sid()).json();
            state.put(shopper.username() + " stats", dashboard.path("stats").path("orders") + " "
                    + dashboard.path("stats").path("totalSpent") + " " + dashboard.path("recentOrders"));
        }
        assertEquals(9, orders);
        for (Product product : products) {
            state.put("stock " + product.sku().value(), Integer.toString(kit.stock(product)));
        }
        return state;
    }
}
