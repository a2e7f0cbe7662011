package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.bootstrap.HttpTestClient.Response;
import dev.storefront.bootstrap.OrderTestKit.Shopper;
import dev.storefront.domain.catalog.Product;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Checkout, completed" of api.md end to end: the quote and the extended checkout with addresses,
 * shipping methods, tax rates and promo codes created through the admin API, every refusal as a 400
 * naming the field (another user's address a 404), the order's money fields read back, a cancel
 * giving the code's use back once. A second server with {@code STORE_COUNTRY=DE} and no shipping
 * method checks the seed-era flow (no body) and the tax by the store's country.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckoutCompletedIT {
    private static final String[] MONEY = {"subtotal", "discount", "shipping", "tax", "total"};
    private static final String ADDRESS = "{\"name\":\"Ada Lovelace\",\"line1\":\"Hauptstraße 1\",\"city\":\"Berlin\","
            + "\"region\":\"BE\",\"postalCode\":\"10115\",\"country\":\"de\",\"phone\":\"+49 30 123\"}";
    private static final String US_ADDRESS = "{\"name\":\"Bo\",\"line1\":\"1 Broadway\",\"city\":\"New York\","
            + "\"region\":\"NY\",\"postalCode\":\"10004\",\"country\":\"US\"}";

    @TempDir
    static Path shopDir;
    @TempDir
    static Path seedDir;
    private TestServer server;
    private OrderTestKit kit;
    private Shopper admin;
    /** No shipping method, STORE_COUNTRY=DE. */
    private TestServer seed;
    private OrderTestKit seedKit;

    @BeforeAll
    void start() {
        server = TestServer.start(shopDir);
        kit = new OrderTestKit(server);
        admin = kit.admin("boss");
        ok(server.send("PUT", "/api/admin/shipping-methods/standard", "{\"name\":\"Standard\",\"price\":\"4.90\","
                + "\"freeOver\":\"50.00\",\"countries\":[]}", admin.sid()));
        ok(server.send("PUT", "/api/admin/shipping-methods/express", "{\"name\":\"Express\",\"price\":\"14.90\","
                + "\"countries\":[\"DE\",\"FR\"]}", admin.sid()));
        ok(server.send("PUT", "/api/admin/shipping-methods/sea", "{\"name\":\"By sea\",\"price\":\"1.00\"}",
                admin.sid()));
        assertEquals(204, server.send("DELETE", "/api/admin/shipping-methods/sea", null, admin.sid()).status());
        ok(server.send("PUT", "/api/admin/tax-rates", "{\"country\":\"DE\",\"rate\":\"19\"}", admin.sid()));
        ok(server.send("PUT", "/api/admin/tax-rates", "{\"country\":\"US\",\"region\":\"NY\",\"rate\":\"8.875\"}",
                admin.sid()));

        seed = TestServer.start(seedDir, Map.of("STORE_COUNTRY", "DE"));
        seedKit = new OrderTestKit(seed);
        Shopper seedAdmin = seedKit.admin("boss");
        ok(seed.send("PUT", "/api/admin/tax-rates", "{\"country\":\"DE\",\"rate\":\"19\"}", seedAdmin.sid()));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (seed != null) {
            seed.close();
        }
    }

    private static Response ok(Response answer) {
        assertTrue(answer.status() == 200 || answer.status() == 201, answer.toString());
        return answer;
    }

    private Response quote(Shopper shopper, String body) {
        return server.send("POST", "/api/checkout/quote", body, shopper.sid());
    }

    private Response checkout(Shopper shopper, String body) {
        return server.send("POST", "/api/checkout", body, shopper.sid());
    }

    private String promo(String fields) {
        String code = TestServer.uniqueName("C").toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9_-]", "");
        Response created = server.send("POST", "/api/admin/promo-codes", "{\"code\":\"" + code + "\"," + fields + "}",
                admin.sid());
        assertEquals(201, created.status(), created.toString());
        return code;
    }

    /** {@code timesUsed} of a code, as the admin API shows it. */
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

    private static String json(Object value) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static String body(String address, String method, String code) {
        StringBuilder json = new StringBuilder("{");
        if (address != null) {
            json.append("\"shippingAddress\":").append(address);
        }
        if (method != null) {
            json.append(json.length() > 1 ? "," : "").append("\"shippingMethod\":\"").append(method).append('"');
        }
        if (code != null) {
            json.append(json.length() > 1 ? "," : "").append("\"promoCode\":\"").append(code).append('"');
        }
        return json.append('}').toString();
    }

    /** A 400 naming exactly {@code fields}, and (for one field) a message containing {@code says}. */
    private static void refused(Response answer, List<String> fields, String says) {
        assertEquals(400, answer.status(), answer.toString());
        assertEquals("/problems/validation", answer.json().path("type").asText(), answer.toString());
        assertEquals(fields, answer.errorFields(), answer.toString());
        if (says != null) {
            assertTrue(answer.json().path("errors").path(0).path("message").asText().contains(says), answer.toString());
        }
    }

    // --- the quote and the order agree -----------------------------------------------------------

    @Test
    void theQuoteEqualsTheOrderFieldByFieldAndTheOrderReadsBackEverywhere() {
        Shopper ada = kit.shopper("ada");
        Product mug = kit.product("19.99", 10);
        Product tea = kit.product("0.35", 100);
        kit.fill(ada, mug, 2, tea, 3);
        String code = promo("\"kind\":\"percent\",\"value\":\"10\"");
        Response saved = server.send("POST", "/api/user/addresses", ADDRESS, ada.sid());
        assertEquals(201, saved.status(), saved.toString());
        long addressId = saved.json().path("address").path("id").asLong();
        String request = "{\"addressId\":" + addressId + ",\"shippingMethod\":\"standard\",\"promoCode\":\""
                + code.toLowerCase(java.util.Locale.ROOT) + "\"}";

        Response quoted = quote(ada, request);
        assertEquals(200, quoted.status(), quoted.toString());
        JsonNode quote = quoted.json().path("quote");
        // 39.98 + 1.05 = 41.03; 10 % = 4.103 → 4.10; 36.93 < 50: standard 4.90; (36.93 + 4.90) × 19 % = 7.9477 → 7.95
        assertEquals("41.03", quote.path("subtotal").asText());
        assertEquals("4.10", quote.path("discount").asText());
        assertEquals("4.90", quote.path("shipping").asText());
        assertEquals("7.95", quote.path("tax").asText());
        assertEquals("49.78", quote.path("total").asText());
        assertEquals("USD", quote.path("currency").asText());
        assertEquals("standard", quote.path("shippingMethod").path("code").asText());
        assertEquals("Standard", quote.path("shippingMethod").path("name").asText());
        assertEquals(code, quote.path("promoCode").asText());
        assertEquals(0, timesUsed(code), "a quote takes no use");
        assertEquals(10, kit.stock(mug), "a quote reserves nothing");

        Response placed = checkout(ada, request);
        assertEquals(201, placed.status(), placed.toString());
        JsonNode order = placed.json().path("order");
        for (String field : List.of("items", "subtotal", "discount", "shipping", "tax", "total", "currency",
                "shippingMethod", "promoCode")) {
            assertEquals(quote.path(field), order.path(field), field);
        }
        JsonNode address = order.path("shippingAddress");
        assertEquals("Ada Lovelace", address.path("name").asText());
        assertEquals("Hauptstraße 1", address.path("line1").asText());
        assertEquals("", address.path("line2").asText());
        assertEquals("DE", address.path("country").asText());
        assertEquals("+49 30 123", address.path("phone").asText());
        assertTrue(order.path("payment").isNull());
        assertTrue(order.path("trackingNumber").isNull());
        assertTrue(order.path("carrier").isNull());
        assertEquals(1, timesUsed(code));
        assertEquals(8, kit.stock(mug));

        long id = order.path("id").asLong();
        JsonNode read = server.get("/api/orders/" + id, ada.sid()).json().path("order");
        assertEquals(order, read, "GET /api/orders/{id} answers the order as placed");
        JsonNode summary = server.get("/api/orders", ada.sid()).json().path("items").path(0);
        assertEquals(id, summary.path("id").asLong());
        for (String field : MONEY) {
            assertEquals(order.path(field), summary.path(field), "summary " + field);
        }
        assertEquals("PENDING", summary.path("status").asText());

        // The address book changes later; the order keeps its snapshot.
        ok(server.send("PATCH", "/api/user/addresses/" + addressId, "{\"city\":\"Potsdam\"}", ada.sid()));
        assertEquals("Berlin", server.get("/api/orders/" + id, ada.sid()).json().path("order").path("shippingAddress")
                .path("city").asText());
    }

    @Test
    void aTypedAddressRegionalTaxAndFreeShippingOverTheThreshold() {
        Shopper bo = kit.shopper("bo");
        kit.fill(bo, kit.product("60.00", 5), 1);
        Response placed = checkout(bo, body(US_ADDRESS, "standard", null));
        assertEquals(201, placed.status(), placed.toString());
        JsonNode order = placed.json().path("order");
        assertEquals("0.00", order.path("shipping").asText(), "free over 50.00");
        assertEquals("5.33", order.path("tax").asText(), "8.875 % of 60.00 = 5.325 → 5.33 (NY)");
        assertEquals("65.33", order.path("total").asText());
        assertEquals("NY", order.path("shippingAddress").path("region").asText());
    }

    // --- what is required once a method exists --------------------------------------------------

    @Test
    void onceAMethodIsActiveAnAddressAndAMethodAreRequired() {
        Shopper cy = kit.shopper("cy");
        Product mug = kit.product("10.00", 5);
        kit.fill(cy, mug, 1);

        refused(checkout(cy, null), List.of("shippingAddress", "shippingMethod"), null);
        refused(checkout(cy, "{}"), List.of("shippingAddress", "shippingMethod"), null);
        refused(quote(cy, null), List.of("shippingAddress", "shippingMethod"), null);
        refused(checkout(cy, body(ADDRESS, null, null)), List.of("shippingMethod"), "is required");
        refused(checkout(cy, body(null, "standard", null)), List.of("shippingAddress"), "is required");
        refused(checkout(cy, body(US_ADDRESS, "express", null)), List.of("shippingMethod"), "does not ship to US");
        refused(checkout(cy, body(ADDRESS, "teleport", null)), List.of("shippingMethod"), "is not a known");
        refused(checkout(cy, body(ADDRESS, "sea", null)), List.of("shippingMethod"), "no longer offered");
        refused(checkout(cy, body(ADDRESS, "Not A Code!", null)), List.of("shippingMethod"), "is not a known");
        assertEquals(5, kit.stock(mug));
        assertEquals(1, kit.cart(cy).lines().size(), "nothing changed");
    }

    @Test
    void everyAddressFieldBreakingItsRuleIsA400NamingIt() {
        Shopper di = kit.shopper("di");
        Product mug = kit.product("10.00", 5);
        kit.fill(di, mug, 1);
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("name", "");
        bad.put("line1", "   ");
        bad.put("line2", "x".repeat(201));
        bad.put("city", "c".repeat(101));
        bad.put("region", "r".repeat(101));
        bad.put("postalCode", "10/115");
        bad.put("country", "XX");
        bad.put("phone", "call me");
        for (Map.Entry<String, String> field : bad.entrySet()) {
            Map<String, String> fields = new java.util.LinkedHashMap<>(Map.of("name", "Ada", "line1", "1 Main St",
                    "city", "Berlin", "postalCode", "10115", "country", "DE"));
            fields.put(field.getKey(), field.getValue());
            String address = json(fields);
            for (String path : List.of("/api/checkout", "/api/checkout/quote")) {
                Response answer = server.send("POST", path, body(address, "standard", null), di.sid());
                refused(answer, List.of("shippingAddress." + field.getKey()), null);
            }
        }
        refused(checkout(di, body("{\"line1\":\"1\",\"city\":\"C\",\"postalCode\":\"1\",\"country\":\"DE\"}",
                "standard", null)), List.of("shippingAddress.name"), "is required");
        refused(checkout(di, "{\"addressId\":\"7\",\"shippingMethod\":\"standard\"}"), List.of("addressId"), null);
        refused(checkout(di, "{\"shippingAddress\":\"Berlin\",\"shippingMethod\":\"standard\"}"),
                List.of("shippingAddress"), null);
        refused(checkout(di, "{\"addressId\":1," + body(ADDRESS, "standard", null).substring(1)), List.of("addressId"),
                "not both");
        refused(checkout(di, "{\"promoCode\":5," + body(ADDRESS, "standard", null).substring(1)), List.of("promoCode"),
                null);
        assertEquals(400, checkout(di, "[1]").status());
        assertEquals(415, server.send("POST", "/api/checkout", ADDRESS, di.sid(), "Content-Type", "text/plain")
                .status());
        assertEquals(5, kit.stock(mug));
        assertEquals(1, kit.cart(di).lines().size());
    }

    @Test
    void anotherUsersAddressIsNotFound() {
        Shopper owner = kit.shopper("owner");
        Shopper thief = kit.shopper("thief");
        long theirs = server.send("POST", "/api/user/addresses", ADDRESS, owner.sid()).json().path("address").path("id")
                .asLong();
        kit.fill(thief, kit.product("10.00", 5), 1);
        for (String path : List.of("/api/checkout", "/api/checkout/quote")) {
            Response answer = server.send("POST", path, "{\"addressId\":" + theirs + ",\"shippingMethod\":\"standard\"}",
                    thief.sid());
            assertEquals(404, answer.status(), answer.toString());
        }
        assertEquals(401, server.send("POST", "/api/checkout/quote", "{}", null).status());
    }

    // --- promo codes ------------------------------------------------------------------------------

    @Test
    void everyUnusableCodeIsA400OnPromoCodeSayingWhich() {
        Shopper ed = kit.shopper("ed");
        Shopper other = kit.shopper("other");
        Product tea = kit.product("10.00", 100);
        String past = Instant.now().minusSeconds(7200).toString();
        String recent = Instant.now().minusSeconds(3600).toString();
        String future = Instant.now().plusSeconds(86_400).toString();
        String expired = promo("\"kind\":\"amount\",\"value\":\"1.00\",\"startsAt\":\"" + past + "\",\"endsAt\":\""
                + recent + "\"");
        String later = promo("\"kind\":\"amount\",\"value\":\"1.00\",\"startsAt\":\"" + future + "\"");
        String once = promo("\"kind\":\"amount\",\"value\":\"1.00\",\"usageLimit\":1");
        String big = promo("\"kind\":\"amount\",\"value\":\"1.00\",\"minSubtotal\":\"1000.00\"");
        String perUser = promo("\"kind\":\"free_shipping\",\"usagePerUser\":1");
        String retired = promo("\"kind\":\"percent\",\"value\":\"5\"");
        assertEquals(204, server.send("DELETE", "/api/admin/promo-codes/" + retired, null, admin.sid()).status());

        kit.fill(other, tea, 1);
        assertEquals(201, checkout(other, body(ADDRESS, "standard", once)).status());
        kit.fill(ed, tea, 1);
        assertEquals(201, checkout(ed, body(ADDRESS, "standard", perUser)).status());
        kit.fill(ed, tea, 1);

        refused(checkout(ed, body(ADDRESS, "standard", "NO-SUCH-CODE")), List.of("promoCode"), "not a valid promo code");
        refused(checkout(ed, body(ADDRESS, "standard", "x")), List.of("promoCode"), "not a valid promo code");
        refused(checkout(ed, body(ADDRESS, "standard", retired)), List.of("promoCode"), "not a valid promo code");
        refused(checkout(ed, body(ADDRESS, "standard", expired)), List.of("promoCode"), "has expired");
        refused(checkout(ed, body(ADDRESS, "standard", later)), List.of("promoCode"), "not valid yet");
        refused(checkout(ed, body(ADDRESS, "standard", once)), List.of("promoCode"), "used up");
        Response small = checkout(ed, body(ADDRESS, "standard", big));
        refused(small, List.of("promoCode"), "at least 1000.00");
        assertEquals("1000.00", small.json().path("errors").path(0).path("minSubtotal").asText());
        refused(checkout(ed, body(ADDRESS, "standard", perUser)), List.of("promoCode"), "already been used by you");
        refused(quote(ed, body(ADDRESS, "standard", perUser)), List.of("promoCode"), "already been used by you");
        assertEquals(1, kit.cart(ed).lines().size(), "nothing changed");
        assertEquals(1, timesUsed(perUser));
        assertEquals(1, timesUsed(once));
    }

    @Test
    void cancellingGivesTheCodesUseBackOnceAndAnAdminCancelDoesToo() {
        Shopper fay = kit.shopper("fay");
        Product tea = kit.product("10.00", 100);
        String code = promo("\"kind\":\"amount\",\"value\":\"2.50\",\"usageLimit\":2");
        kit.fill(fay, tea, 1);
        long first = checkout(fay, body(ADDRESS, "express", code)).json().path("order").path("id").asLong();
        kit.fill(fay, tea, 1);
        Response second = checkout(fay, body(ADDRESS, "express", code));
        assertEquals("2.50", second.json().path("order").path("discount").asText());
        long secondId = second.json().path("order").path("id").asLong();
        assertEquals(2, timesUsed(code));

        assertEquals(200, server.post("/api/orders/" + first + "/cancel", null, fay.sid()).status());
        assertEquals(1, timesUsed(code));
        assertEquals(409, server.post("/api/orders/" + first + "/cancel", null, fay.sid()).status());
        assertEquals(1, timesUsed(code), "once");
        assertEquals(200, server.post("/api/orders/" + secondId + "/status", "{\"status\":\"CANCELLED\"}", admin.sid())
                .status());
        assertEquals(0, timesUsed(code));
        assertEquals(409, server.post("/api/orders/" + secondId + "/status", "{\"status\":\"CANCELLED\"}", admin.sid())
                .status());
        assertEquals(0, timesUsed(code));
        // The given-back uses can be taken again.
        kit.fill(fay, tea, 1);
        assertEquals(201, checkout(fay, body(ADDRESS, "express", code)).status());
        assertEquals(1, timesUsed(code));
    }

    // --- the seed-era store: no active method, STORE_COUNTRY=DE ----------------------------------

    @Test
    void withoutAShippingMethodACheckoutNeedsNoBodyAndIsTaxedAtTheStoreCountry() {
        Shopper gil = seedKit.shopper("gil");
        seedKit.fill(gil, seedKit.product("10.00", 5), 2);

        Response quoted = seed.send("POST", "/api/checkout/quote", null, gil.sid());
        assertEquals(200, quoted.status(), quoted.toString());
        Response placed = seedKit.checkout(gil);
        assertEquals(201, placed.status(), placed.toString());
        JsonNode order = placed.json().path("order");
        assertEquals("20.00", order.path("subtotal").asText());
        assertEquals("0.00", order.path("shipping").asText());
        assertEquals("3.80", order.path("tax").asText(), "19 % at STORE_COUNTRY=DE");
        assertEquals("23.80", order.path("total").asText());
        assertTrue(order.path("shippingAddress").isNull());
        assertTrue(order.path("shippingMethod").isNull());
        for (String field : MONEY) {
            assertEquals(quoted.json().path("quote").path(field), order.path(field), field);
        }
    }

    @Test
    void withoutAShippingMethodAGivenAddressDecidesTheTaxAndIsKept() {
        Shopper hal = seedKit.shopper("hal");
        seedKit.fill(hal, seedKit.product("10.00", 5), 1);
        Response placed = seed.send("POST", "/api/checkout", body(US_ADDRESS, null, null), hal.sid());
        assertEquals(201, placed.status(), placed.toString());
        JsonNode order = placed.json().path("order");
        assertEquals("0.00", order.path("tax").asText(), "no rate for the US here");
        assertEquals("US", order.path("shippingAddress").path("country").asText());
        assertTrue(order.path("shippingMethod").isNull());
        seedKit.fill(hal, seedKit.product("10.00", 5), 1);
        refused(seed.send("POST", "/api/checkout", body(US_ADDRESS, "standard", null), hal.sid()),
                List.of("shippingMethod"), "is not a known");
    }
}
