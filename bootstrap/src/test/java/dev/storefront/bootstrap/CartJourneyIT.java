package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.bootstrap.HttpTestClient.Response;
import dev.storefront.domain.port.in.catalog.CreateProductCommand;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shopper's way through the store over HTTP: browse with filters, fill a cart as a guest, log in
 * (the guest cart merges into the saved one, capped by stock), log out, log in on another client
 * and after a server restart: the same cart.
 */
class CartJourneyIT {
    private static final String PASSWORD = "journey secret phrase 3";

    @TempDir
    Path dataDir;

    private static void product(TestServer http, String sku, String name, String price, int stock) {
        http.server.storefront().catalog().createProduct().createProduct(new CreateProductCommand(sku, name,
                "A fine " + name.toLowerCase(), "Tea", new BigDecimal(price), stock, null));
    }

    /** sku → quantity of a cart response, in line order. */
    private static Map<String, Integer> lines(Response cart) {
        assertEquals(200, cart.status(), cart.body());
        Map<String, Integer> lines = new LinkedHashMap<>();
        cart.json().path("items").forEach(item -> lines.put(item.path("sku").asText(), item.path("quantity").asInt()));
        return lines;
    }

    private static long idOf(JsonNode page, String sku) {
        for (JsonNode product : page.path("items")) {
            if (product.path("sku").asText().equals(sku)) {
                return product.path("id").asLong();
            }
        }
        throw new AssertionError(sku + " not listed: " + page);
    }

    @Test
    void aGuestCartSurvivesLoginMergedWithTheSavedCartAndFollowsTheUserEverywhere() {
        String name = TestServer.uniqueName("shopper");
        Map<String, Integer> expected;
        String finalSid;
        try (TestServer http = TestServer.start(dataDir)) {
            product(http, "TEA-GREEN", "Green tea", "0.10", 50);
            product(http, "TEA-BLACK", "Black tea", "0.20", 4);
            product(http, "TEA-WHITE", "White tea", "12.00", 0);
            product(http, "TEA-POT", "Teapot", "35.00", 3);

            // browse with filters: in-stock tea under 1.00, cheapest first
            Response page = http.get("/api/products?category=Tea&inStock=true&maxPrice=1.00&sort=price", null);
            assertEquals(200, page.status(), page.body());
            assertEquals(List.of("TEA-GREEN", "TEA-BLACK"),
                    page.json().findValuesAsText("sku"));
            long green = idOf(page.json(), "TEA-GREEN");
            long black = idOf(page.json(), "TEA-BLACK");
            long pot = idOf(http.get("/api/products?q=teapot", null).json(), "TEA-POT");

            // the user already has a saved cart from an earlier visit
            assertEquals(201, http.register(name, PASSWORD).status());
            String earlier = http.login(name, PASSWORD, null).sid();
            assertEquals(200, http.post("/api/cart/items", "{\"productId\":" + black + ",\"quantity\":3}", earlier).status());
            assertEquals(200, http.post("/api/cart/items", "{\"productId\":" + pot + "}", earlier).status());
            assertEquals(200, http.post("/api/logout", null, earlier).status());

            // as a guest: two products
            Response first = http.post("/api/cart/items", "{\"productId\":" + green + ",\"quantity\":3}", null);
            String guest = first.sid();
            Response guestCart = http.post("/api/cart/items", "{\"productId\":" + black + ",\"quantity\":2}", guest);
            assertEquals(Map.of("TEA-GREEN", 3, "TEA-BLACK", 2), lines(guestCart));
            assertEquals("0.70", guestCart.json().path("subtotal").asText());

            // log in from the guest session: a new session id, the carts merged
            Response login = http.login(name, PASSWORD, guest);
            assertEquals(200, login.status(), login.body());
            String sid = login.sid();
            assertNotEquals(guest, sid, "login issues a new session id");
            Response merged = http.get("/api/cart", sid);
            expected = new LinkedHashMap<>();
            expected.put("TEA-BLACK", 4);   // 3 saved + 2 guest, capped at stock 4
            expected.put("TEA-POT", 1);
            expected.put("TEA-GREEN", 3);   // new line from the guest cart, added last
            assertEquals(expected, lines(merged));
            assertEquals(List.of(expected.entrySet().toArray()), List.of(lines(merged).entrySet().toArray()),
                    "saved lines first, in their order");
            assertEquals("36.10", merged.json().path("subtotal").asText());
            assertEquals(8, merged.json().path("itemCount").asInt());
            assertEquals(8, http.get("/api/dashboard", sid).json().path("stats").path("cartItems").asInt());

            // the guest session is gone with its cart
            Response oldGuest = http.get("/api/cart", guest);
            assertEquals(0, oldGuest.json().path("itemCount").asInt());
            assertTrue(oldGuest.clearsSid());

            // log out: the cart is the user's, not the session's
            assertEquals(200, http.post("/api/logout", null, sid).status());
            assertEquals(0, http.get("/api/cart", sid).json().path("itemCount").asInt());

            // another client (no cookie) logs in: same cart
            String other = http.login(name, PASSWORD, null).sid();
            assertEquals(expected, lines(http.get("/api/cart", other)));
            finalSid = other;
        }

        // and after a server restart on the same database
        try (TestServer http = TestServer.start(dataDir)) {
            assertEquals(expected, lines(http.get("/api/cart", finalSid)), "the session survives a restart");
            String fresh = http.login(name, PASSWORD, null).sid();
            Response cart = http.get("/api/cart", fresh);
            assertEquals(expected, lines(cart));
            assertEquals("36.10", cart.json().path("subtotal").asText());
        }
    }
}
