package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.bootstrap.HttpTestClient.Response;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.port.in.catalog.CreateProductCommand;
import dev.storefront.domain.port.in.catalog.UpdateProductCommand;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every row and failure code of api.md's Cart table, over HTTP against the real server. Each test
 * makes its own products and its own guests or users.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CartIT {
    private static final String PASSWORD = "cart secret phrase 7";
    private static final AtomicInteger SKUS = new AtomicInteger();

    @TempDir
    static Path dataDir;
    private TestServer http;

    @BeforeAll
    void start() {
        http = TestServer.start(dataDir);
    }

    @AfterAll
    void stop() {
        http.close();
    }

    private Product product(String price, int stock) {
        int n = SKUS.incrementAndGet();
        return http.server.storefront().catalog().createProduct().createProduct(new CreateProductCommand("CART-" + n,
                "Cart product " + n, "", "CartIT", new BigDecimal(price), stock, null));
    }

    private void update(Product product, Integer stock, Boolean active) {
        http.server.storefront().catalog().updateProduct().updateProduct(new UpdateProductCommand(product.id(), null, null,
                null, null, null, stock, active, null));
    }

    private Response add(String sid, Product product, int quantity) {
        return http.post("/api/cart/items", "{\"productId\":" + product.id() + ",\"quantity\":" + quantity + "}", sid);
    }

    private Response put(String sid, Object productId, String json) {
        return http.send("PUT", "/api/cart/items/" + productId, json, sid);
    }

    private Response delete(String sid, String path) {
        return http.send("DELETE", path, null, sid);
    }

    /** A guest with a cart holding {@code quantity} of the product; returns the guest's SID. */
    private String guestWith(Product product, int quantity) {
        Response added = add(null, product, quantity);
        assertEquals(200, added.status(), added.body());
        return added.sid();
    }

    private static List<Long> productIds(Response response) {
        List<Long> ids = new ArrayList<>();
        response.json().path("items").forEach(item -> ids.add(item.path("productId").asLong()));
        return ids;
    }

    private static int quantityOf(Response response, Product product) {
        for (JsonNode item : response.json().path("items")) {
            if (item.path("productId").asLong() == product.id().value()) {
                return item.path("quantity").asInt();
            }
        }
        return 0;
    }

    private static void assertProblem(Response response, int status, String type) {
        assertEquals(status, response.status(), response.body());
        assertEquals("application/problem+json", response.header("Content-Type").orElse(""));
        assertEquals(type, response.json().path("type").asText());
    }

    // GET /api/cart

    @Test
    void withoutASessionTheCartIsEmptyAndNoSessionIsCreated() {
        Response response = http.get("/api/cart", null);

        assertEquals(200, response.status());
        assertTrue(response.header("Content-Type").orElse("").startsWith("application/json"));
        assertEquals("{\"items\":[],\"itemCount\":0,\"subtotal\":\"0.00\",\"currency\":\"USD\"}", response.body());
        assertTrue(response.sidCookie().isEmpty(), "a read creates no session");
    }

    @Test
    void anUnknownSidReadsAnEmptyCartAndIsCleared() {
        Response response = http.get("/api/cart", "x".repeat(43));
        assertEquals(200, response.status());
        assertEquals(0, response.json().path("itemCount").asInt());
        assertTrue(response.clearsSid());
    }

    // POST /api/cart/items

    @Test
    void theFirstAddStartsAGuestSessionWhoseCartOnlyItSees() {
        Product product = product("4.50", 10);

        Response added = add(null, product, 2);

        assertEquals(200, added.status(), added.body());
        String cookie = added.sidCookie().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/"), cookie);
        String sid = added.sid();
        JsonNode item = added.json().path("items").path(0);
        assertEquals(product.id().value(), item.path("productId").asLong());
        assertEquals(product.sku().value(), item.path("sku").asText());
        assertEquals(product.name(), item.path("name").asText());
        assertEquals("4.50", item.path("unitPrice").asText());
        assertEquals(2, item.path("quantity").asInt());
        assertEquals("9.00", item.path("lineTotal").asText());
        assertTrue(item.path("available").asBoolean());
        assertEquals(2, added.json().path("itemCount").asInt());
        assertEquals("9.00", added.json().path("subtotal").asText());
        assertEquals("USD", added.json().path("currency").asText());

        Response again = http.get("/api/cart", sid);
        assertEquals(added.body(), again.body());
        assertTrue(again.sidCookie().isEmpty(), "the session is reused, not renewed");
        assertEquals(0, http.get("/api/cart", null).json().path("itemCount").asInt());
        String otherGuest = guestWith(product("1.00", 5), 1);
        assertNotEquals(sid, otherGuest);
        assertEquals(1, http.get("/api/cart", otherGuest).json().path("itemCount").asInt(),
                "another guest sees only its own cart");
    }

    @Test
    void addingDefaultsToOneAndAddsToTheExistingLine() {
        Product product = product("2.00", 10);
        Response first = http.post("/api/cart/items", "{\"productId\":" + product.id() + "}", null);
        assertEquals(1, quantityOf(first, product));
        String sid = first.sid();

        Response second = add(sid, product, 3);

        assertEquals(200, second.status());
        assertEquals(List.of(product.id().value()), productIds(second), "one line per product");
        assertEquals(4, quantityOf(second, product));
        assertEquals("8.00", second.json().path("subtotal").asText());
        assertTrue(second.sidCookie().isEmpty());
    }

    @Test
    void moneyIsExactTwoDecimalStrings() {
        Product dime = product("0.10", 10);
        Product twenty = product("0.2", 10);
        String sid = guestWith(dime, 3);

        Response cart = add(sid, twenty, 1);

        JsonNode items = cart.json().path("items");
        assertTrue(items.path(0).path("unitPrice").isTextual());
        assertEquals("0.10", items.path(0).path("unitPrice").asText());
        assertEquals("0.30", items.path(0).path("lineTotal").asText());
        assertEquals("0.20", items.path(1).path("unitPrice").asText());
        assertEquals("0.50", cart.json().path("subtotal").asText());
        assertTrue(cart.json().path("subtotal").isTextual());
        assertEquals(4, cart.json().path("itemCount").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"quantity\":0", "\"quantity\":-1", "\"quantity\":100", "\"quantity\":\"2\"",
            "\"quantity\":1.5", "\"quantity\":null", "\"quantity\":99999999999999999999"})
    void anInvalidQuantityIs400AndStartsNoSession(String quantity) {
        Product product = product("1.00", 10);
        Response response = http.post("/api/cart/items", "{\"productId\":" + product.id() + "," + quantity + "}", null);

        assertProblem(response, 400, "/problems/validation");
        assertEquals(List.of("quantity"), response.errorFields());
        assertTrue(response.sidCookie().isEmpty(), "a rejected body creates no session");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"productId\":\"1\"}", "{\"productId\":0}", "{\"productId\":-3}",
            "{\"productId\":1.0}", "{\"productId\":null}"})
    void aMissingOrInvalidProductIdIs400(String body) {
        Response response = http.post("/api/cart/items", body, null);
        assertProblem(response, 400, "/problems/validation");
        assertEquals(List.of("productId"), response.errorFields());
    }

    @Test
    void aBodyThatIsNotAJsonObjectIs400AndAnotherContentTypeIs415() {
        assertProblem(http.post("/api/cart/items", "{\"productId\":", null), 400, "/problems/malformed-request");
        assertProblem(http.post("/api/cart/items", "[1]", null), 400, "/problems/malformed-request");
        assertEquals(415, http.send("POST", "/api/cart/items", "productId=1", null,
                "Content-Type", "application/x-www-form-urlencoded").status());
    }

    @Test
    void anUnknownOrInactiveProductIs404() {
        Product gone = product("1.00", 10);
        update(gone, null, false);
        Product kept = product("1.00", 10);
        String sid = guestWith(kept, 1);

        assertProblem(http.post("/api/cart/items", "{\"productId\":987654321}", sid), 404, "/problems/not-found");
        assertProblem(add(sid, gone, 1), 404, "/problems/not-found");
        assertEquals(List.of(kept.id().value()), productIds(http.get("/api/cart", sid)));
    }

    @Test
    void moreThanInStockIs409NamingRequestedAndAvailable() {
        Product product = product("1.00", 5);
        String sid = guestWith(product, 4);

        Response refused = add(sid, product, 2);

        assertProblem(refused, 409, "/problems/conflict");
        JsonNode error = refused.json().path("errors").path(0);
        assertEquals(product.id().value(), error.path("productId").asLong());
        assertEquals(6, error.path("requested").asInt());
        assertEquals(5, error.path("available").asInt());
        assertEquals(4, quantityOf(http.get("/api/cart", sid), product), "nothing changed");
        assertEquals(409, add(null, product("1.00", 0), 1).status(), "out of stock");
    }

    @Test
    void aLineOverNinetyNineIs409() {
        Product product = product("1.00", 500);
        String sid = guestWith(product, 99);
        Response refused = add(sid, product, 1);
        assertProblem(refused, 409, "/problems/conflict");
        assertEquals(100, refused.json().path("errors").path(0).path("requested").asInt());
        assertEquals(99, refused.json().path("errors").path(0).path("available").asInt());
    }

    // PUT /api/cart/items/{productId}

    @Test
    void puttingAQuantitySetsItAndZeroRemovesTheLine() {
        Product a = product("3.00", 10);
        Product b = product("1.25", 10);
        String sid = guestWith(a, 1);
        add(sid, b, 1);

        Response set = put(sid, a.id(), "{\"quantity\":7}");
        assertEquals(200, set.status(), set.body());
        assertEquals(7, quantityOf(set, a));
        assertEquals("22.25", set.json().path("subtotal").asText());

        Response removed = put(sid, a.id(), "{\"quantity\":0}");
        assertEquals(200, removed.status());
        assertEquals(List.of(b.id().value()), productIds(removed));
        assertEquals("1.25", removed.json().path("subtotal").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"quantity\":-1}", "{\"quantity\":100}", "{\"quantity\":\"3\"}",
            "{\"quantity\":2.5}"})
    void puttingAnInvalidQuantityIs400(String body) {
        Product product = product("1.00", 10);
        String sid = guestWith(product, 1);
        Response response = put(sid, product.id(), body);
        assertProblem(response, 400, "/problems/validation");
        assertEquals(List.of("quantity"), response.errorFields());
        assertEquals(1, quantityOf(http.get("/api/cart", sid), product));
    }

    @Test
    void puttingAProductThatIsNotInTheCartIs404EvenWithoutASession() {
        Product inCart = product("1.00", 10);
        Product other = product("1.00", 10);
        String sid = guestWith(inCart, 1);

        assertProblem(put(sid, other.id(), "{\"quantity\":1}"), 404, "/problems/not-found");
        assertProblem(put(sid, "abc", "{\"quantity\":1}"), 404, "/problems/not-found");
        Response noSession = put(null, inCart.id(), "{\"quantity\":1}");
        assertProblem(noSession, 404, "/problems/not-found");
        assertTrue(noSession.sidCookie().isEmpty());
    }

    @Test
    void puttingMoreThanInStockIs409() {
        Product product = product("1.00", 3);
        String sid = guestWith(product, 1);
        Response refused = put(sid, product.id(), "{\"quantity\":4}");
        assertProblem(refused, 409, "/problems/conflict");
        assertEquals(4, refused.json().path("errors").path(0).path("requested").asInt());
        assertEquals(3, refused.json().path("errors").path(0).path("available").asInt());
    }

    // DELETE /api/cart/items/{productId}

    @Test
    void deletingALineAnswersTheRestOfTheCart() {
        Product a = product("1.00", 10);
        Product b = product("2.00", 10);
        String sid = guestWith(a, 1);
        add(sid, b, 2);

        Response response = delete(sid, "/api/cart/items/" + a.id());

        assertEquals(200, response.status(), response.body());
        assertEquals(List.of(b.id().value()), productIds(response));
        assertEquals("4.00", response.json().path("subtotal").asText());
        assertProblem(delete(sid, "/api/cart/items/" + a.id()), 404, "/problems/not-found");
        Response noSession = delete(null, "/api/cart/items/" + b.id());
        assertProblem(noSession, 404, "/problems/not-found");
        assertTrue(noSession.sidCookie().isEmpty());
    }

    // DELETE /api/cart

    @Test
    void clearingEmptiesTheCartWithOrWithoutASession() {
        Product product = product("1.00", 10);
        String sid = guestWith(product, 2);

        Response cleared = delete(sid, "/api/cart");
        assertEquals(200, cleared.status());
        assertEquals("{\"items\":[],\"itemCount\":0,\"subtotal\":\"0.00\",\"currency\":\"USD\"}", cleared.body());
        assertEquals(0, http.get("/api/cart", sid).json().path("itemCount").asInt());

        Response noSession = delete(null, "/api/cart");
        assertEquals(200, noSession.status());
        assertEquals(cleared.body(), noSession.body());
        assertTrue(noSession.sidCookie().isEmpty(), "clearing creates no session");
    }

    // across the table

    @Test
    void linesWhoseProductWentInactiveOrOutOfStockAreFlaggedButStillCount() {
        Product inactive = product("2.00", 10);
        Product soldOut = product("3.00", 10);
        Product fine = product("1.00", 10);
        String sid = guestWith(inactive, 1);
        add(sid, soldOut, 2);
        add(sid, fine, 1);
        update(inactive, null, false);
        update(soldOut, 0, null);

        Response cart = http.get("/api/cart", sid);

        List<Boolean> available = new ArrayList<>();
        cart.json().path("items").forEach(item -> available.add(item.path("available").asBoolean()));
        assertEquals(List.of(false, false, true), available);
        assertEquals(4, cart.json().path("itemCount").asInt());
        assertEquals("9.00", cart.json().path("subtotal").asText());
        assertEquals(200, put(sid, inactive.id(), "{\"quantity\":0}").status(), "a flagged line can be removed");
    }

    @Test
    void theCartShowsTodaysPrice() {
        Product product = product("10.00", 10);
        String sid = guestWith(product, 2);
        http.server.storefront().catalog().updateProduct().updateProduct(new UpdateProductCommand(product.id(), null, null,
                null, null, new BigDecimal("7.5"), null, null, null));
        Response cart = http.get("/api/cart", sid);
        assertEquals("7.50", cart.json().path("items").path(0).path("unitPrice").asText());
        assertEquals("15.00", cart.json().path("subtotal").asText());
    }

    @Test
    void aUsersCartIsSharedByAllTheirSessionsAndCountedOnTheDashboard() {
        String name = TestServer.uniqueName("carter");
        String first = http.registeredAndLoggedIn(name, PASSWORD);
        String second = http.login(name, PASSWORD, null).sid();
        Product product = product("1.00", 10);

        Response added = add(first, product, 3);
        assertEquals(200, added.status());
        assertTrue(added.sidCookie().isEmpty(), "a logged-in user needs no guest session");

        assertEquals(3, quantityOf(http.get("/api/cart", second), product));
        assertEquals(3, http.get("/api/dashboard", second).json().path("stats").path("cartItems").asInt());
        assertEquals(0, http.get("/api/cart", null).json().path("itemCount").asInt());
        assertEquals(200, delete(second, "/api/cart").status());
        assertEquals(0, http.get("/api/cart", first).json().path("itemCount").asInt());
    }

    @Test
    void writesFromAForeignOriginAre403AndWrongMethodsAre405() {
        Product product = product("1.00", 10);
        Response forged = http.send("POST", "/api/cart/items", "{\"productId\":" + product.id() + "}", null,
                "Origin", "https://evil.example");
        assertEquals(403, forged.status());
        assertTrue(forged.sidCookie().isEmpty());
        Response wrongMethod = http.send("PATCH", "/api/cart", "{}", null);
        assertEquals(405, wrongMethod.status());
        assertFalse(wrongMethod.header("Allow").orElse("").isEmpty());
    }
}
