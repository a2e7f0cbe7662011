package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.bootstrap.HttpTestClient.Response;
import dev.storefront.domain.port.in.account.GrantAdminUseCase.GrantAdminCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every row of shipping methods and tax rates over HTTP, with an admin's and a customer's login.
 * The tests share one store: each works on method codes and countries of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShippingAndTaxIT {
    private static final String PASSWORD = "admin secret phrase 5";

    @TempDir
    static Path dataDir;
    private TestServer http;
    private String admin;
    private String customer;
    private String currency;

    @BeforeAll
    void start() {
        http = TestServer.start(dataDir);
        String adminName = TestServer.uniqueName("boss");
        assertEquals(201, http.register(adminName, PASSWORD).status());
        http.server.storefront().accounts().grantAdmin().grantAdmin(new GrantAdminCommand(adminName));
        admin = http.login(adminName, PASSWORD, null).sid();
        customer = http.registeredAndLoggedIn(TestServer.uniqueName("buyer"), PASSWORD);
        currency = http.server.storefront().config().currency().getCurrencyCode();
    }

    @AfterAll
    void stop() {
        http.close();
    }

    private Response putMethod(String code, String json, String sid) {
        return http.send("PUT", "/api/admin/shipping-methods/" + code, json, sid);
    }

    private Response putRate(String json, String sid) {
        return http.send("PUT", "/api/admin/tax-rates", json, sid);
    }

    private static List<String> codes(Response answer) {
        List<String> codes = new ArrayList<>();
        answer.json().path("items").forEach(item -> codes.add(item.path("code").asText()));
        return codes;
    }

    private List<String> activeFor(String country) {
        Response answer = http.get("/api/shipping-methods" + (country == null ? "" : "?country=" + country), null);
        assertEquals(200, answer.status(), answer.body());
        return codes(answer);
    }

    private String methods() {
        return http.get("/api/admin/shipping-methods", admin).body();
    }

    private String rates() {
        return http.get("/api/admin/tax-rates", admin).body();
    }

    @Test
    void anAdminPutsAShippingMethodAndGetsTheWholeMethodBack() {
        Response created = putMethod("std-1", "{\"name\":\" Standard \",\"price\":\"4.9\",\"freeOver\":50,"
                + "\"countries\":[\"us\",\"DE\",\"US\"]}", admin);
        assertEquals(200, created.status(), created.body());
        JsonNode method = created.json().path("shippingMethod");
        assertEquals("std-1", method.path("code").asText());
        assertEquals("Standard", method.path("name").asText());
        assertEquals("4.90", method.path("price").asText());
        assertEquals(currency, method.path("currency").asText());
        assertEquals("50.00", method.path("freeOver").asText());
        assertEquals("[\"DE\",\"US\"]", method.path("countries").toString(), "upper case, sorted, duplicates collapsed");
        assertTrue(method.path("active").asBoolean(), "active by default");

        Response replaced = putMethod("std-1", "{\"code\":\"std-1\",\"name\":\"Standard\",\"price\":3,\"freeOver\":null,"
                + "\"active\":false}", admin);
        assertEquals(200, replaced.status(), replaced.body());
        JsonNode again = replaced.json().path("shippingMethod");
        assertTrue(again.has("freeOver") && again.path("freeOver").isNull(), "freeOver null is sent as null");
        assertEquals("[]", again.path("countries").toString(), "no countries: everywhere");
        assertEquals("3.00", again.path("price").asText());
        assertFalse(again.path("active").asBoolean());
        assertTrue(methods().contains("\"code\":\"std-1\""), "the admin list shows inactive methods");
    }

    @Test
    void buyersSeeActiveMethodsForTheirCountryThoseShippingEverywhereAndNoInactiveOnes() {
        assertEquals(200, putMethod("f-everywhere", "{\"name\":\"Anywhere\",\"price\":\"9.00\",\"countries\":[]}", admin).status());
        assertEquals(200, putMethod("f-nz", "{\"name\":\"NZ post\",\"price\":\"2.00\",\"countries\":[\"NZ\"]}", admin).status());
        assertEquals(200, putMethod("f-nz-off", "{\"name\":\"Old NZ\",\"price\":\"1.00\",\"countries\":[\"NZ\"],"
                + "\"active\":false}", admin).status());
        assertEquals(200, putMethod("f-fj", "{\"name\":\"Fiji\",\"price\":\"3.00\",\"countries\":[\"FJ\"]}", admin).status());

        List<String> nz = activeFor("nz");
        assertTrue(nz.containsAll(List.of("f-everywhere", "f-nz")), nz.toString());
        assertFalse(nz.contains("f-nz-off"), "inactive methods are hidden");
        assertFalse(nz.contains("f-fj"), "a method that does not ship there is hidden");
        List<String> all = activeFor(null);
        assertTrue(all.containsAll(List.of("f-everywhere", "f-nz", "f-fj")), all.toString());
        assertFalse(all.contains("f-nz-off"));
        assertEquals(all.stream().sorted().toList(), all, "by code");

        assertEquals(204, http.send("DELETE", "/api/admin/shipping-methods/f-nz", null, admin).status());
        assertFalse(activeFor("NZ").contains("f-nz"), "a deactivated method is hidden");
        assertEquals(204, http.send("DELETE", "/api/admin/shipping-methods/f-nz", null, admin).status(), "again: 204");
        assertTrue(methods().contains("\"code\":\"f-nz\""), "kept for the admin");
    }

    @Test
    void aBadCountryOrAnUnknownParameterIs400() {
        for (String bad : List.of("XX", "DEU", "", "1")) {
            Response answer = http.get("/api/shipping-methods?country=" + bad, null);
            assertEquals(400, answer.status(), bad + ": " + answer.body());
            assertEquals(List.of("country"), answer.errorFields());
        }
        Response twice = http.get("/api/shipping-methods?country=DE&country=FR", null);
        assertEquals(400, twice.status());
        assertEquals(List.of("country"), twice.errorFields());
        Response unknown = http.get("/api/shipping-methods?countries=DE", null);
        assertEquals(400, unknown.status());
        assertEquals(List.of("countries"), unknown.errorFields());
    }

    @Test
    void eachBadShippingMethodFieldIs400NamingItAndChangesNothing() {
        String before = methods();
        String valid = "\"name\":\"Ok\",\"price\":\"1.00\"";
        record Case(String code, String json, String field) {}
        List<Case> cases = List.of(
                new Case("Bad-Code", "{" + valid + "}", "code"),
                new Case("x" + "y".repeat(32), "{" + valid + "}", "code"),
                new Case("bad-1", "{" + valid + ",\"code\":\"other\"}", "code"),
                new Case("bad-1", "{\"price\":\"1.00\"}", "name"),
                new Case("bad-1", "{\"name\":\"\",\"price\":\"1.00\"}", "name"),
                new Case("bad-1", "{\"name\":\"" + "n".repeat(101) + "\",\"price\":\"1.00\"}", "name"),
                new Case("bad-1", "{\"name\":5,\"price\":\"1.00\"}", "name"),
                new Case("bad-1", "{\"name\":\"Ok\"}", "price"),
                new Case("bad-1", "{\"name\":\"Ok\",\"price\":\"-1\"}", "price"),
                new Case("bad-1", "{\"name\":\"Ok\",\"price\":\"1.001\"}", "price"),
                new Case("bad-1", "{\"name\":\"Ok\",\"price\":1.001}", "price"),
                new Case("bad-1", "{\"name\":\"Ok\",\"price\":\"1e2\"}", "price"),
                new Case("bad-1", "{\"name\":\"Ok\",\"price\":true}", "price"),
                new Case("bad-1", "{" + valid + ",\"freeOver\":\"-0.01\"}", "freeOver"),
                new Case("bad-1", "{" + valid + ",\"freeOver\":\"ten\"}", "freeOver"),
                new Case("bad-1", "{" + valid + ",\"countries\":[\"US\",\"XX\"]}", "countries"),
                new Case("bad-1", "{" + valid + ",\"countries\":\"US\"}", "countries"),
                new Case("bad-1", "{" + valid + ",\"countries\":[1]}", "countries"),
                new Case("bad-1", "{" + valid + ",\"active\":\"yes\"}", "active"));
        for (Case c : cases) {
            Response answer = putMethod(c.code(), c.json(), admin);
            assertEquals(400, answer.status(), c + ": " + answer.body());
            assertEquals("/problems/validation", answer.json().path("type").asText());
            assertEquals(List.of(c.field()), answer.errorFields(), c.toString());
        }
        assertEquals(400, putMethod("bad-1", "{not json", admin).status());
        assertEquals(before, methods(), "nothing changed");
    }

    @Test
    void adminRoutesAre401ForGuestsAnd403ForCustomers() {
        String before = methods() + rates();
        String method = "{\"name\":\"Sneaky\",\"price\":\"0.00\"}";
        String rate = "{\"country\":\"DE\",\"rate\":\"0\"}";
        for (String sid : new String[] {null, customer}) {
            int expected = sid == null ? 401 : 403;
            for (Response answer : List.of(
                    http.get("/api/admin/shipping-methods", sid),
                    putMethod("sneaky", method, sid),
                    http.send("DELETE", "/api/admin/shipping-methods/sneaky", null, sid),
                    http.get("/api/admin/tax-rates", sid),
                    putRate(rate, sid),
                    http.send("DELETE", "/api/admin/tax-rates/DE", null, sid))) {
                assertEquals(expected, answer.status(), answer.body());
                assertEquals(sid == null ? "/problems/unauthenticated" : "/problems/forbidden",
                        answer.json().path("type").asText(), answer.body());
            }
            // The caller is checked first: a bad body or an unknown code is still 401/403.
            assertEquals(expected, putMethod("Bad%20Code", "{", sid).status());
            assertEquals(expected, http.send("DELETE", "/api/admin/shipping-methods/nope-nope", null, sid).status());
        }
        assertEquals(before, methods() + rates(), "nothing changed");
    }

    @Test
    void deactivatingAnUnknownMethodIs404() {
        assertEquals(404, http.send("DELETE", "/api/admin/shipping-methods/never-made", null, admin).status());
        Response invalid = http.send("DELETE", "/api/admin/shipping-methods/NOT%20A%20CODE", null, admin);
        assertEquals(404, invalid.status(), invalid.body());
        assertEquals("/problems/not-found", invalid.json().path("type").asText());
    }

    @Test
    void anAdminPutsListsAndDeletesTaxRates() {
        Response ny = putRate("{\"country\":\"us\",\"region\":\" ny \",\"rate\":\"8.8750\"}", admin);
        assertEquals(200, ny.status(), ny.body());
        assertEquals("{\"country\":\"US\",\"region\":\"NY\",\"rate\":\"8.875\"}", ny.json().path("taxRate").toString());
        Response us = putRate("{\"country\":\"US\",\"rate\":5}", admin);
        assertEquals("{\"country\":\"US\",\"region\":\"\",\"rate\":\"5\"}", us.json().path("taxRate").toString());
        Response gb = putRate("{\"country\":\"GB\",\"region\":\"\",\"rate\":\"20.000\"}", admin);
        assertEquals("20", gb.json().path("taxRate").path("rate").asText());
        Response replaced = putRate("{\"country\":\"US\",\"region\":\"NY\",\"rate\":\"4\"}", admin);
        assertEquals("4", replaced.json().path("taxRate").path("rate").asText());

        Response list = http.get("/api/admin/tax-rates", admin);
        assertEquals(200, list.status());
        List<String> keys = new ArrayList<>();
        list.json().path("items").forEach(r -> keys.add(r.path("country").asText() + "/" + r.path("region").asText()
                + "=" + r.path("rate").asText()));
        assertTrue(keys.containsAll(List.of("GB/=20", "US/=5", "US/NY=4")), keys.toString());
        assertTrue(keys.indexOf("GB/=20") < keys.indexOf("US/=5") && keys.indexOf("US/=5") < keys.indexOf("US/NY=4"),
                "by country then region: " + keys);

        assertEquals(204, http.send("DELETE", "/api/admin/tax-rates/US?region=ny", null, admin).status());
        assertEquals(404, http.send("DELETE", "/api/admin/tax-rates/US?region=NY", null, admin).status(), "gone");
        assertEquals(204, http.send("DELETE", "/api/admin/tax-rates/us", null, admin).status(), "no region: the country's");
        assertEquals(204, http.send("DELETE", "/api/admin/tax-rates/GB?region=", null, admin).status());
        String after = rates();
        assertFalse(after.contains("\"US\"") || after.contains("\"GB\""), after);
    }

    @Test
    void deletingATaxRateThatDoesNotExistIs404() {
        assertEquals(404, http.send("DELETE", "/api/admin/tax-rates/JP", null, admin).status());
        assertEquals(404, http.send("DELETE", "/api/admin/tax-rates/JP?region=Tokyo", null, admin).status());
        assertEquals(404, http.send("DELETE", "/api/admin/tax-rates/XX", null, admin).status(), "not a country");
        Response unknown = http.send("DELETE", "/api/admin/tax-rates/JP?regoin=Tokyo", null, admin);
        assertEquals(400, unknown.status());
        assertEquals(List.of("regoin"), unknown.errorFields());
    }

    @Test
    void eachBadTaxRateFieldIs400NamingItAndChangesNothing() {
        String before = rates();
        record Case(String json, String field) {}
        List<Case> cases = List.of(
                new Case("{\"rate\":\"5\"}", "country"),
                new Case("{\"country\":\"XX\",\"rate\":\"5\"}", "country"),
                new Case("{\"country\":49,\"rate\":\"5\"}", "country"),
                new Case("{\"country\":\"DE\",\"region\":\"" + "r".repeat(101) + "\",\"rate\":\"5\"}", "region"),
                new Case("{\"country\":\"DE\",\"region\":7,\"rate\":\"5\"}", "region"),
                new Case("{\"country\":\"DE\"}", "rate"),
                new Case("{\"country\":\"DE\",\"rate\":\"100.001\"}", "rate"),
                new Case("{\"country\":\"DE\",\"rate\":\"-1\"}", "rate"),
                new Case("{\"country\":\"DE\",\"rate\":\"8.8751\"}", "rate"),
                new Case("{\"country\":\"DE\",\"rate\":101}", "rate"),
                new Case("{\"country\":\"DE\",\"rate\":\"20%\"}", "rate"),
                new Case("{\"country\":\"DE\",\"rate\":[20]}", "rate"));
        for (Case c : cases) {
            Response answer = putRate(c.json(), admin);
            assertEquals(400, answer.status(), c + ": " + answer.body());
            assertEquals(List.of(c.field()), answer.errorFields(), c.toString());
        }
        assertEquals(before, rates(), "nothing changed");
    }

    @Test
    void theFacadeSeesWhatAnAdminPutOverHttp() {
        Storefront storefront = http.server.storefront();
        assertEquals(200, putRate("{\"country\":\"CH\",\"rate\":\"8.1\"}", admin).status());
        assertTrue(storefront.shipping().listTaxRates().listTaxRates().stream()
                .anyMatch(r -> r.country().code().equals("CH") && r.rate().toPlainString().equals("8.1")));
        assertEquals(204, http.send("DELETE", "/api/admin/tax-rates/CH", null, admin).status());
    }
}
