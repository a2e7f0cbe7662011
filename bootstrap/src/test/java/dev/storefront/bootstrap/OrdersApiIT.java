package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.bootstrap.OrderTestKit.Shopper;
import dev.storefront.bootstrap.HttpTestClient.Response;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every row and failure code of api.md's "Checkout and orders" table, over HTTP against the real
 * server. Carts are filled through the facade; everything else goes over the wire.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrdersApiIT {
    private static final String ISO_SECOND = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";
    @TempDir
    static Path dataDir;
    private TestServer server;
    private OrderTestKit kit;

    @BeforeAll
    void start() {
        server = TestServer.start(dataDir);
        kit = new OrderTestKit(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static void assertProblem(Response response, int status, String type) {
        assertEquals(status, response.status(), response.body());
        assertTrue(response.header("Content-Type").orElse("").startsWith("application/problem+json"),
                response.headers().toString());
        assertEquals(type, response.json().path("type").asText(), response.body());
    }

    private long placeOrder(Shopper shopper, Object... productAndQuantity) {
        kit.fill(shopper, productAndQuantity);
        Response placed = kit.checkout(shopper);
        assertEquals(201, placed.status(), placed.body());
        return placed.json().path("order").path("id").asLong();
    }

    private Response order(Shopper shopper, long id) {
        return server.get("/api/orders/" + id, shopper.sid());
    }

    private Response cancel(Shopper shopper, long id) {
        return server.post("/api/orders/" + id + "/cancel", null, shopper.sid());
    }

    private Response setStatus(Shopper caller, long id, String json) {
        return server.post("/api/orders/" + id + "/status", json, caller == null ? null : caller.sid());
    }

    // POST /api/checkout

    @Test
    void checkoutPlacesAPendingOrderAtTodaysPricesTakesTheStockAndEmptiesTheCart() {
        Shopper alice = kit.shopper("alice");
        Product mug = kit.product("8.50", 5);
        Product tea = kit.product("0.10", 100);
        kit.fill(alice, tea, 3, mug, 2);

        Response placed = kit.checkout(alice);

        assertEquals(201, placed.status(), placed.body());
        assertTrue(placed.header("Content-Type").orElse("").startsWith("application/json"));
        JsonNode order = placed.json().path("order");
        long id = order.path("id").asLong();
        assertTrue(id > 0);
        assertEquals("/api/orders/" + id, placed.header("Location").orElse(""));
        assertEquals("PENDING", order.path("status").asText());
        assertEquals("17.30", order.path("total").asText());
        assertTrue(order.path("total").isTextual());
        assertEquals("USD", order.path("currency").asText());
        assertEquals(5, order.path("itemCount").asInt());
        assertTrue(order.path("createdAt").asText().matches(ISO_SECOND), order.toString());
        assertEquals(order.path("createdAt"), order.path("updatedAt"));
        JsonNode items = order.path("items");
        assertEquals(2, items.size());
        JsonNode first = items.path(0);
        assertEquals(tea.id().value(), first.path("productId").asLong());
        assertEquals(tea.sku().value(), first.path("sku").asText());
        assertEquals(tea.name(), first.path("name").asText());
        assertEquals("0.10", first.path("unitPrice").asText());
        assertEquals(3, first.path("quantity").asInt());
        assertEquals("0.30", first.path("lineTotal").asText());
        assertEquals("17.00", items.path(1).path("lineTotal").asText());
        assertEquals(List.of("id", "status", "items", "itemCount", "subtotal", "discount", "shipping", "tax", "total",
                "currency", "shippingAddress", "shippingMethod", "promoCode", "payment", "trackingNumber", "carrier",
                "createdAt", "updatedAt"), fieldNames(order));
        // No shipping method is active: nothing off, nothing shipped, no tax; the seed-era checkout.
        assertEquals("17.30", order.path("subtotal").asText());
        for (String zero : List.of("discount", "shipping", "tax")) {
            assertEquals("0.00", order.path(zero).asText(), zero);
        }
        for (String none : List.of("shippingAddress", "shippingMethod", "promoCode", "payment", "trackingNumber",
                "carrier")) {
            assertTrue(order.path(none).isNull(), none + " is null");
        }
        assertEquals(List.of("productId", "sku", "name", "unitPrice", "quantity", "lineTotal"), fieldNames(first));

        assertEquals(3, kit.stock(mug));
        assertEquals(97, kit.stock(tea));
        assertTrue(kit.cart(alice).isEmpty());
        assertEquals(order, order(alice, id).json().path("order"), "the detail is the order that was placed");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theOrderKeepsThePriceOfTheMomentOfCheckout() {
        Shopper alice = kit.shopper("alice");
        Product lamp = kit.product("20.00", 5);
        long id = placeOrder(alice, lamp, 1);
        server.server.storefront().catalog().updateProduct().updateProduct(new dev.storefront.domain.port.in.catalog
                .UpdateProductCommand(lamp.id(), null, "Renamed lamp", null, null, new java.math.BigDecimal("99.00"),
                null, null, null));

        JsonNode item = order(alice, id).json().path("order").path("items").path(0);
        assertEquals("20.00", item.path("unitPrice").asText());
        assertEquals(lamp.name(), item.path("name").asText());
    }

    @Test
    void checkoutNeedsALogin() {
        assertProblem(server.post("/api/checkout", null, null), 401, "/problems/unauthenticated");
    }

    @Test
    void anEmptyCartIsABadRequest() {
        Shopper alice = kit.shopper("alice");
        Response answer = kit.checkout(alice);
        assertProblem(answer, 400, "/problems/validation");
        assertEquals(0, server.get("/api/orders", alice.sid()).json().path("total").asLong());
    }

    @Test
    void outOfStockAndInactiveLinesAreAConflictListingEachAndNothingChanges() {
        Shopper alice = kit.shopper("alice");
        Product plenty = kit.product("1.00", 10);
        Product scarce = kit.product("1.00", 2);
        Product retired = kit.product("1.00", 50);
        server.server.storefront().catalog().deactivateProduct().deactivateProduct(retired.id());
        kit.fill(alice, plenty, 4, scarce, 3, retired, 1);

        Response answer = kit.checkout(alice);

        assertProblem(answer, 409, "/problems/conflict");
        JsonNode errors = answer.json().path("errors");
        assertEquals(2, errors.size(), answer.body());
        assertEquals(scarce.id().value(), errors.path(0).path("productId").asLong());
        assertEquals(3, errors.path(0).path("requested").asInt());
        assertEquals(2, errors.path(0).path("available").asInt());
        assertEquals(retired.id().value(), errors.path(1).path("productId").asLong());
        assertEquals(1, errors.path(1).path("requested").asInt());
        assertEquals(0, errors.path(1).path("available").asInt());

        assertEquals(10, kit.stock(plenty));
        assertEquals(2, kit.stock(scarce));
        assertEquals(50, kit.stock(retired));
        assertEquals(8, kit.cart(alice).itemCount());
        assertEquals(0, server.get("/api/orders", alice.sid()).json().path("total").asLong());
    }

    @Test
    void theSameIdempotencyKeyReturnsTheSameOrderWith200AndChangesNothing() {
        Shopper alice = kit.shopper("alice");
        Product mug = kit.product("4.00", 10);
        kit.fill(alice, mug, 2);
        Response first = kit.checkout(alice, "Idempotency-Key", "3f2b9c1e-8f0d-4f7a-9a6e-0c1d2e3f4a5b");
        assertEquals(201, first.status(), first.body());
        kit.fill(alice, mug, 5);

        Response retry = kit.checkout(alice, "Idempotency-Key", "3f2b9c1e-8f0d-4f7a-9a6e-0c1d2e3f4a5b");

        assertEquals(200, retry.status(), retry.body());
        assertEquals(first.json(), retry.json());
        assertEquals("true", retry.header("Idempotent-Replayed").orElse(""));
        assertEquals(8, kit.stock(mug));
        assertEquals(5, kit.cart(alice).itemCount(), "the cart filled since is left alone");
        assertEquals(1, server.get("/api/orders", alice.sid()).json().path("total").asLong());

        Response other = kit.checkout(alice, "Idempotency-Key", "another-key");
        assertEquals(201, other.status(), other.body());
        assertEquals(3, kit.stock(mug));
    }

    @Test
    void simultaneousRetriesWithOneKeyPlaceOneOrder() throws Exception {
        Shopper alice = kit.shopper("alice");
        Product mug = kit.product("4.00", 10);
        kit.fill(alice, mug, 3);
        int retries = 8;
        CyclicBarrier start = new CyclicBarrier(retries);
        ExecutorService pool = Executors.newFixedThreadPool(retries);
        List<Response> answers = new ArrayList<>();
        try {
            List<Future<Response>> pending = new ArrayList<>();
            for (int i = 0; i < retries; i++) {
                pending.add(pool.submit(() -> {
                    start.await();
                    return kit.checkout(alice, "Idempotency-Key", "double-click");
                }));
            }
            for (Future<Response> answer : pending) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdownNow();
        }
        List<Integer> statuses = answers.stream().map(Response::status).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(retries - 1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(1, answers.stream().map(a -> a.json().path("order").path("id").asLong()).distinct().count());
        assertEquals(7, kit.stock(mug));
        assertEquals(1, server.get("/api/orders", alice.sid()).json().path("total").asLong());
    }

    @Test
    void idempotencyKeysArePerUser() {
        Shopper alice = kit.shopper("alice");
        Shopper bob = kit.shopper("bob");
        Product mug = kit.product("4.00", 10);
        kit.fill(alice, mug, 1);
        kit.fill(bob, mug, 2);
        Response alices = kit.checkout(alice, "Idempotency-Key", "shared-key");
        Response bobs = kit.checkout(bob, "Idempotency-Key", "shared-key");
        assertEquals(201, alices.status());
        assertEquals(201, bobs.status(), bobs.body());
        assertFalse(alices.json().path("order").path("id").equals(bobs.json().path("order").path("id")));
        assertEquals(7, kit.stock(mug));
    }

    @Test
    void aMalformedIdempotencyKeyIsABadRequestAndNothingChanges() {
        Shopper alice = kit.shopper("alice");
        Product mug = kit.product("4.00", 10);
        kit.fill(alice, mug, 1);
        Response answer = kit.checkout(alice, "Idempotency-Key", "x".repeat(256));
        assertProblem(answer, 400, "/problems/validation");
        assertEquals(List.of("Idempotency-Key"), answer.errorFields());
        assertEquals(10, kit.stock(mug));
        assertEquals(1, kit.cart(alice).itemCount());
    }

    // GET /api/orders

    @Test
    void historyIsAPageOfTheCallersOrderSummariesNewestFirst() {
        Shopper alice = kit.shopper("alice");
        Shopper bob = kit.shopper("bob");
        Product mug = kit.product("2.00", 100);
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.add(placeOrder(alice, mug, i));
            placeOrder(bob, mug, 1);
        }

        Response page = server.get("/api/orders?page=1&pageSize=2", alice.sid());

        assertEquals(200, page.status(), page.body());
        JsonNode body = page.json();
        assertEquals(3, body.path("total").asLong());
        assertEquals(1, body.path("page").asInt());
        assertEquals(2, body.path("pageSize").asInt());
        assertEquals(List.of(ids.get(2), ids.get(1)), idsOf(body));
        JsonNode newest = body.path("items").path(0);
        assertEquals(List.of("id", "status", "itemCount", "subtotal", "discount", "shipping", "tax", "total",
                "currency", "createdAt", "updatedAt"), fieldNames(newest));
        assertEquals("6.00", newest.path("total").asText());
        assertEquals(3, newest.path("itemCount").asInt());
        assertEquals("PENDING", newest.path("status").asText());

        assertEquals(List.of(ids.get(0)), idsOf(server.get("/api/orders?page=2&pageSize=2", alice.sid()).json()));
        JsonNode defaults = server.get("/api/orders", alice.sid()).json();
        assertEquals(20, defaults.path("pageSize").asInt());
        assertEquals(List.of(ids.get(2), ids.get(1), ids.get(0)), idsOf(defaults));
        JsonNode beyond = server.get("/api/orders?page=9", alice.sid()).json();
        assertEquals(0, beyond.path("items").size());
        assertEquals(3, beyond.path("total").asLong());
    }

    private static List<Long> idsOf(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asLong()));
        return ids;
    }

    @Test
    void historyNeedsALoginAndValidPageParameters() {
        assertProblem(server.get("/api/orders", null), 401, "/problems/unauthenticated");
        Shopper alice = kit.shopper("alice");
        Response bad = server.get("/api/orders?pageSize=0", alice.sid());
        assertProblem(bad, 400, "/problems/validation");
        assertEquals(List.of("pageSize"), bad.errorFields());
        assertProblem(server.get("/api/orders?page=abc", alice.sid()), 400, "/problems/validation");
        Response unknown = server.get("/api/orders?pagesize=2", alice.sid());
        assertProblem(unknown, 400, "/problems/validation");
        assertEquals(List.of("pagesize"), unknown.errorFields());
    }

    // GET /api/orders/{id}

    @Test
    void anotherUsersOrderIsNotFoundLikeOneThatDoesNotExist() {
        Shopper alice = kit.shopper("alice");
        Shopper mallory = kit.shopper("mallory");
        Product mug = kit.product("2.00", 10);
        long id = placeOrder(alice, mug, 1);

        assertEquals(200, order(alice, id).status());
        Response foreign = order(mallory, id);
        Response missing = order(mallory, 987_654_321L);
        assertProblem(foreign, 404, "/problems/not-found");
        assertProblem(missing, 404, "/problems/not-found");
        assertEquals(missing.json().path("detail"), foreign.json().path("detail"), "nothing tells them apart");
        assertProblem(server.get("/api/orders/abc", alice.sid()), 404, "/problems/not-found");
        assertProblem(server.get("/api/orders/0", alice.sid()), 404, "/problems/not-found");
        assertProblem(server.get("/api/orders/" + id, null), 401, "/problems/unauthenticated");
    }

    // POST /api/orders/{id}/cancel

    @Test
    void theOwnerCancelsAPendingOrderAndTheStockComesBackOnce() {
        Shopper alice = kit.shopper("alice");
        Product mug = kit.product("2.00", 10);
        Product pen = kit.product("1.00", 10);
        long id = placeOrder(alice, mug, 3, pen, 1);
        assertEquals(7, kit.stock(mug));

        Response cancelled = cancel(alice, id);

        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("CANCELLED", cancelled.json().path("order").path("status").asText());
        assertEquals(2, cancelled.json().path("order").path("items").size());
        assertEquals(10, kit.stock(mug));
        assertEquals(10, kit.stock(pen));

        assertProblem(cancel(alice, id), 409, "/problems/conflict");
        assertEquals(10, kit.stock(mug), "a second cancel gives nothing back");
        assertEquals("CANCELLED", order(alice, id).json().path("order").path("status").asText());
    }

    @Test
    void aPaidOrderCanBeCancelledAShippedOneCannot() {
        Shopper alice = kit.shopper("alice");
        Shopper admin = kit.admin("admin");
        Product mug = kit.product("2.00", 10);
        long paid = placeOrder(alice, mug, 1);
        long shipped = placeOrder(alice, mug, 2);
        assertEquals(200, setStatus(admin, paid, "{\"status\":\"PAID\"}").status());
        assertEquals(200, setStatus(admin, shipped, "{\"status\":\"PAID\"}").status());
        assertEquals(200, setStatus(admin, shipped, "{\"status\":\"SHIPPED\"}").status());

        assertEquals(200, cancel(alice, paid).status());
        assertProblem(cancel(alice, shipped), 409, "/problems/conflict");
        assertEquals(8, kit.stock(mug));
    }

    @Test
    void cancellingNeedsTheOwner() {
        Shopper alice = kit.shopper("alice");
        Shopper mallory = kit.shopper("mallory");
        Product mug = kit.product("2.00", 10);
        long id = placeOrder(alice, mug, 1);

        assertProblem(cancel(mallory, id), 404, "/problems/not-found");
        assertProblem(server.post("/api/orders/" + id + "/cancel", null, null), 401, "/problems/unauthenticated");
        assertProblem(cancel(alice, 987_654_321L), 404, "/problems/not-found");
        assertEquals("PENDING", order(alice, id).json().path("order").path("status").asText());
        assertEquals(9, kit.stock(mug));
    }

    @Test
    void racingCancelsRestoreTheStockExactlyOnce() throws Exception {
        Shopper alice = kit.shopper("alice");
        Product mug = kit.product("2.00", 10);
        long id = placeOrder(alice, mug, 4);
        int racers = 8;
        CyclicBarrier start = new CyclicBarrier(racers);
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return cancel(alice, id).status();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(racers - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(10, kit.stock(mug));
    }

    // POST /api/orders/{id}/status

    @Test
    void anAdminMovesAnOrderAlongTheStateMachine() {
        Shopper alice = kit.shopper("alice");
        Shopper admin = kit.admin("admin");
        Product mug = kit.product("2.00", 10);
        long id = placeOrder(alice, mug, 2);

        for (String next : List.of("PAID", "SHIPPED", "DELIVERED")) {
            Response moved = setStatus(admin, id, "{\"status\":\"" + next + "\"}");
            assertEquals(200, moved.status(), moved.body());
            assertEquals(next, moved.json().path("order").path("status").asText());
            assertEquals(id, moved.json().path("order").path("id").asLong());
        }
        assertEquals("DELIVERED", order(alice, id).json().path("order").path("status").asText());
        assertProblem(setStatus(admin, id, "{\"status\":\"CANCELLED\"}"), 409, "/problems/conflict");
        assertEquals(8, kit.stock(mug));
    }

    @Test
    void aTransitionTheMachineDoesNotAllowIsAConflict() {
        Shopper alice = kit.shopper("alice");
        Shopper admin = kit.admin("admin");
        Product mug = kit.product("2.00", 10);
        long id = placeOrder(alice, mug, 1);
        assertProblem(setStatus(admin, id, "{\"status\":\"DELIVERED\"}"), 409, "/problems/conflict");
        assertProblem(setStatus(admin, id, "{\"status\":\"PENDING\"}"), 409, "/problems/conflict");
        assertEquals("PENDING", order(alice, id).json().path("order").path("status").asText());
    }

    @Test
    void anAdminCancellingRestoresStock() {
        Shopper alice = kit.shopper("alice");
        Shopper admin = kit.admin("admin");
        Product mug = kit.product("2.00", 10);
        long id = placeOrder(alice, mug, 3);
        Response cancelled = setStatus(admin, id, "{\"status\":\"CANCELLED\"}");
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals(10, kit.stock(mug));
        assertProblem(setStatus(admin, id, "{\"status\":\"CANCELLED\"}"), 409, "/problems/conflict");
        assertEquals(10, kit.stock(mug));
    }

    @Test
    void statusChangesAreForAdminsWithAKnownStatusOnAKnownOrder() {
        Shopper alice = kit.shopper("alice");
        Shopper admin = kit.admin("admin");
        Product mug = kit.product("2.00", 10);
        long id = placeOrder(alice, mug, 1);

        assertProblem(setStatus(null, id, "{\"status\":\"PAID\"}"), 401, "/problems/unauthenticated");
        assertProblem(setStatus(alice, id, "{\"status\":\"PAID\"}"), 403, "/problems/forbidden");
        Response unknown = setStatus(admin, id, "{\"status\":\"LOST\"}");
        assertProblem(unknown, 400, "/problems/validation");
        assertEquals(List.of("status"), unknown.errorFields());
        Response lowerCase = setStatus(admin, id, "{\"status\":\"paid\"}");
        assertProblem(lowerCase, 400, "/problems/validation");
        Response missing = setStatus(admin, id, "{}");
        assertProblem(missing, 400, "/problems/validation");
        assertEquals(List.of("status"), missing.errorFields());
        Response wrongType = setStatus(admin, id, "{\"status\":3}");
        assertProblem(wrongType, 400, "/problems/validation");
        assertEquals(List.of("status"), wrongType.errorFields());
        assertProblem(setStatus(admin, 987_654_321L, "{\"status\":\"PAID\"}"), 404, "/problems/not-found");
        assertProblem(setStatus(admin, 0, "{\"status\":\"PAID\"}"), 404, "/problems/not-found");
        assertEquals("PENDING", order(alice, id).json().path("order").path("status").asText());
    }

    // GET /api/dashboard

    @Test
    void theDashboardCountsOrdersSpendingTheCartAndRecentOrders() {
        Shopper alice = kit.shopper("alice");
        Product mug = kit.product("2.50", 100);
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            ids.add(placeOrder(alice, mug, i));
        }
        assertEquals(200, cancel(alice, ids.get(0)).status());
        kit.fill(alice, mug, 4);

        JsonNode dashboard = server.get("/api/dashboard", alice.sid()).json();

        JsonNode stats = dashboard.path("stats");
        assertEquals(6, stats.path("orders").asLong());
        assertEquals("50.00", stats.path("totalSpent").asText(), "(2 + 3 + 4 + 5 + 6) × 2.50, the cancelled one left out");
        assertEquals("USD", stats.path("currency").asText());
        assertEquals(4, stats.path("cartItems").asInt());
        JsonNode recent = dashboard.path("recentOrders");
        assertEquals(5, recent.size());
        assertEquals(ids.get(5), recent.path(0).path("id").asLong());
        assertEquals("15.00", recent.path(0).path("total").asText());
        assertEquals(6, recent.path(0).path("itemCount").asInt());
        assertEquals(ids.get(1), recent.path(4).path("id").asLong());
        assertEquals(server.get("/api/orders?pageSize=1", alice.sid()).json().path("items").path(0),
                recent.path(0), "a recent order is the same summary as in the history");
    }

    @Test
    void ordersKeepTheirLinesWhenAProductIsDeactivated() {
        Shopper alice = kit.shopper("alice");
        Product mug = kit.product("2.00", 10);
        long id = placeOrder(alice, mug, 2);
        server.server.storefront().catalog().deactivateProduct().deactivateProduct(mug.id());
        JsonNode order = order(alice, id).json().path("order");
        assertEquals(mug.id().value(), order.path("items").path(0).path("productId").asLong());
        assertEquals(200, cancel(alice, id).status(), "cancelling gives stock back to an inactive product too");
        assertEquals(10, kit.stock(new ProductId(mug.id().value())));
    }
}
