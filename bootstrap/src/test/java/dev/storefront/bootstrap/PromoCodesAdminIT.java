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
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The admin's promo code rows over HTTP, with real logins: every row, every 400, 401, 403, 404 and 409. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PromoCodesAdminIT {
    private static final String PASSWORD = "admin secret phrase 5";
    private static final String BASE = "/api/admin/promo-codes";

    @TempDir
    static Path dataDir;
    private TestServer http;
    private String admin;
    private String customer;

    @BeforeAll
    void start() {
        http = TestServer.start(dataDir);
        String adminName = TestServer.uniqueName("boss");
        assertEquals(201, http.register(adminName, PASSWORD).status());
        http.server.storefront().accounts().grantAdmin().grantAdmin(new GrantAdminCommand(adminName));
        Response login = http.login(adminName, PASSWORD, null);
        assertEquals(200, login.status(), login.body());
        admin = login.sid();
        customer = http.registeredAndLoggedIn(TestServer.uniqueName("buyer"), PASSWORD);
    }

    @AfterAll
    void stop() {
        http.close();
    }

    /** A fresh code as a client may type it (lower case), and as the store keeps it. */
    private static String newCode(String prefix) {
        return TestServer.uniqueName(prefix);
    }

    private static String upper(String code) {
        return code.toUpperCase(Locale.ROOT);
    }

    private Response create(String json, String sid) {
        return http.post(BASE, json, sid);
    }

    private JsonNode created(String json) {
        Response response = create(json, admin);
        assertEquals(201, response.status(), response.body());
        return response.json().path("promoCode");
    }

    private Response get(String code) {
        return http.get(BASE + "/" + code, admin);
    }

    @Test
    void anAdminCreatesAPercentCodeWithEveryField() {
        String code = newCode("summer");
        Response response = create("{\"code\":\"" + code + "\",\"kind\":\"percent\",\"value\":\"15\","
                + "\"minSubtotal\":20,\"startsAt\":\"2026-06-01T00:00:00Z\",\"endsAt\":\"2026-09-01T00:00:00Z\","
                + "\"usageLimit\":100,\"usagePerUser\":1,\"timesUsed\":99}", admin);
        assertEquals(201, response.status(), response.body());
        assertEquals(BASE + "/" + upper(code), response.header("Location").orElse(""));
        JsonNode p = response.json().path("promoCode");
        assertEquals(upper(code), p.path("code").asText());
        assertEquals("percent", p.path("kind").asText());
        assertEquals("15", p.path("value").asText());
        assertTrue(p.path("value").isTextual());
        assertEquals("20.00", p.path("minSubtotal").asText());
        assertEquals("USD", p.path("currency").asText());
        assertEquals("2026-06-01T00:00:00Z", p.path("startsAt").asText());
        assertEquals("2026-09-01T00:00:00Z", p.path("endsAt").asText());
        assertEquals(100, p.path("usageLimit").asInt());
        assertEquals(1, p.path("usagePerUser").asInt());
        assertEquals(0, p.path("timesUsed").asInt(), "timesUsed is not the client's to set");
        assertTrue(p.path("active").asBoolean());
        assertTrue(p.path("createdAt").asText().endsWith("Z"), p.toString());
        assertEquals(p, get(code).json().path("promoCode"));
    }

    @Test
    void amountAndFreeShippingCodesShowTheirValuesAndDefaults() {
        JsonNode amount = created("{\"code\":\"" + newCode("five") + "\",\"kind\":\"amount\",\"value\":5}");
        assertEquals("5.00", amount.path("value").asText());
        assertEquals("0.00", amount.path("minSubtotal").asText());
        assertTrue(amount.path("startsAt").isNull());
        assertTrue(amount.path("endsAt").isNull());
        assertTrue(amount.path("usageLimit").isNull());
        assertTrue(amount.path("usagePerUser").isNull());
        JsonNode shipping = created("{\"code\":\"" + newCode("ship") + "\",\"kind\":\"free_shipping\",\"value\":null,"
                + "\"minSubtotal\":\"50.00\",\"active\":false}");
        assertEquals("free_shipping", shipping.path("kind").asText());
        assertTrue(shipping.path("value").isNull(), shipping.toString());
        assertFalse(shipping.path("active").asBoolean());
        JsonNode fraction = created("{\"code\":\"" + newCode("frac") + "\",\"kind\":\"percent\",\"value\":12.50}");
        assertEquals("12.5", fraction.path("value").asText());
    }

    @Test
    void codesAreMatchedRegardlessOfCase() {
        String code = newCode("mixed");
        created("{\"code\":\"" + code + "\",\"kind\":\"amount\",\"value\":\"1.00\"}");
        assertEquals(200, get(code).status());
        assertEquals(200, get(upper(code)).status());
        assertEquals(upper(code), get(code).json().path("promoCode").path("code").asText());
        Response patched = http.send("PATCH", BASE + "/" + code, "{\"value\":\"2.00\"}", admin);
        assertEquals(200, patched.status(), patched.body());
        assertEquals("2.00", get(upper(code)).json().path("promoCode").path("value").asText());
    }

    @Test
    void aCodeThatExistsInAnyCaseIs409AndTheFirstStays() {
        String code = newCode("dup");
        created("{\"code\":\"" + code + "\",\"kind\":\"amount\",\"value\":\"1.00\"}");
        Response again = create("{\"code\":\"" + upper(code) + "\",\"kind\":\"percent\",\"value\":50}", admin);
        assertEquals(409, again.status(), again.body());
        assertEquals("/problems/conflict", again.json().path("type").asText());
        assertEquals(List.of("code"), again.errorFields());
        assertEquals("amount", get(code).json().path("promoCode").path("kind").asText());
    }

    @Test
    void everyInvalidFieldIsA400NamingItAndCreatesNothing() {
        String[][] cases = {
                {"code", "{\"kind\":\"amount\",\"value\":1}"},
                {"code", "{\"code\":\"ab\",\"kind\":\"amount\",\"value\":1}"},
                {"code", "{\"code\":\"" + "x".repeat(33) + "\",\"kind\":\"amount\",\"value\":1}"},
                {"code", "{\"code\":\"with space\",\"kind\":\"amount\",\"value\":1}"},
                {"code", "{\"code\":\"caf\u00e9\",\"kind\":\"amount\",\"value\":1}"},
                {"code", "{\"code\":42,\"kind\":\"amount\",\"value\":1}"},
                {"kind", "{\"code\":\"@C\",\"value\":1}"},
                {"kind", "{\"code\":\"@C\",\"kind\":\"bogus\",\"value\":1}"},
                {"kind", "{\"code\":\"@C\",\"kind\":\"PERCENT\",\"value\":1}"},
                {"kind", "{\"code\":\"@C\",\"kind\":1,\"value\":1}"},
                {"value", "{\"code\":\"@C\",\"kind\":\"percent\"}"},
                {"value", "{\"code\":\"@C\",\"kind\":\"percent\",\"value\":0}"},
                {"value", "{\"code\":\"@C\",\"kind\":\"percent\",\"value\":\"0.99\"}"},
                {"value", "{\"code\":\"@C\",\"kind\":\"percent\",\"value\":100.01}"},
                {"value", "{\"code\":\"@C\",\"kind\":\"percent\",\"value\":\"12.345\"}"},
                {"value", "{\"code\":\"@C\",\"kind\":\"percent\",\"value\":\"ten\"}"},
                {"value", "{\"code\":\"@C\",\"kind\":\"amount\"}"},
                {"value", "{\"code\":\"@C\",\"kind\":\"amount\",\"value\":\"0.00\"}"},
                {"value", "{\"code\":\"@C\",\"kind\":\"amount\",\"value\":-1}"},
                {"value", "{\"code\":\"@C\",\"kind\":\"amount\",\"value\":\"1.001\"}"},
                {"value", "{\"code\":\"@C\",\"kind\":\"amount\",\"value\":\"1e3\"}"},
                {"value", "{\"code\":\"@C\",\"kind\":\"amount\",\"value\":\"100000000.00\"}"},
                {"value", "{\"code\":\"@C\",\"kind\":\"amount\",\"value\":true}"},
                {"value", "{\"code\":\"@C\",\"kind\":\"free_shipping\",\"value\":\"1\"}"},
                {"minSubtotal", "{\"code\":\"@C\",\"kind\":\"amount\",\"value\":1,\"minSubtotal\":-0.01}"},
                {"minSubtotal", "{\"code\":\"@C\",\"kind\":\"amount\",\"value\":1,\"minSubtotal\":\"1.234\"}"},
                {"minSubtotal", "{\"code\":\"@C\",\"kind\":\"amount\",\"value\":1,\"minSubtotal\":\"lots\"}"},
                {"startsAt", "{\"code\":\"@C\",\"kind\":\"amount\",\"value\":1,\"startsAt\":\"tomorrow\"}"},
                {"startsAt", "{\"code\":\"@C\",\"kind\":\"amount\",\"value\":1,\"startsAt\":\"2026-06-01\"}"},
                {"startsAt", "{\"code\":\"@C\",\"kind\":\"amount\",\"value\":1,\"startsAt\":1767225600}"},
                {"startsAt", "{\"code\":\"@C\",\"kind\":\"amount\",\"value\":1,\"startsAt\":\"1969-12-31T23:59:59Z\"}"},
                {"endsAt", "{\"code\":\"@C\",\"kind\":\"amount\",\"value\":1,\"endsAt\":\"+1000000-01-01T00:00:00Z\"}"},
                {"endsAt", "{\"code\":\"@C\",\"kind\":\"amount\",\"value\":1,\"startsAt\":\"2026-06-01T00:00:00Z\","
                        + "\"endsAt\":\"2026-06-01T00:00:00Z\"}"},
                {"endsAt", "{\"code\":\"@C\",\"kind\":\"amount\",\"value\":1,\"startsAt\":\"2026-06-01T00:00:00Z\","
                        + "\"endsAt\":\"2026-05-01T00:00:00Z\"}"},
                {"usageLimit", "{\"code\":\"@C\",\"kind\":\"amount\",\"value\":1,\"usageLimit\":0}"},
                {"usageLimit", "{\"code\":\"@C\",\"kind\":\"amount\",\"value\":1,\"usageLimit\":1.5}"},
                {"usageLimit", "{\"code\":\"@C\",\"kind\":\"amount\",\"value\":1,\"usageLimit\":\"10\"}"},
                {"usageLimit", "{\"code\":\"@C\",\"kind\":\"amount\",\"value\":1,\"usageLimit\":3000000000}"},
                {"usagePerUser", "{\"code\":\"@C\",\"kind\":\"amount\",\"value\":1,\"usagePerUser\":-1}"},
                {"active", "{\"code\":\"@C\",\"kind\":\"amount\",\"value\":1,\"active\":\"yes\"}"},
        };
        List<String> codes = new ArrayList<>();
        for (String[] c : cases) {
            String code = newCode("bad");
            codes.add(code);
            String body = c[1].replace("@C", code);
            Response response = create(body, admin);
            assertEquals(400, response.status(), body + " -> " + response.body());
            assertEquals("/problems/validation", response.json().path("type").asText(), body);
            assertEquals(List.of(c[0]), response.errorFields(), body + " -> " + response.body());
        }
        for (String code : codes) {
            assertEquals(404, get(code).status(), code + " was not created");
        }
        Response several = create("{\"code\":\"x\",\"kind\":\"amount\",\"value\":0,\"usageLimit\":0}", admin);
        assertEquals(List.of("code", "value", "usageLimit"), several.errorFields(), several.body());
        assertEquals(400, create("[]", admin).status());
        assertEquals(400, create("{\"code\":", admin).status());
    }

    @Test
    void theListIsPagedNewestFirst() throws InterruptedException {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String code = upper(newCode("page"));
            created("{\"code\":\"" + code + "\",\"kind\":\"amount\",\"value\":1}");
            mine.add(0, code);
            Thread.sleep(5); // creation times apart by more than the millisecond they are kept to
        }
        Response all = http.get(BASE + "?pageSize=100", admin);
        assertEquals(200, all.status(), all.body());
        assertEquals(1, all.json().path("page").asInt());
        assertEquals(100, all.json().path("pageSize").asInt());
        List<String> listed = all.values("items", "code");
        assertEquals(mine, listed.stream().filter(mine::contains).toList());
        assertEquals(mine.get(0), listed.get(0), "the newest first");
        assertEquals(listed.size(), all.json().path("total").asInt());

        Response first = http.get(BASE + "?page=1&pageSize=2", admin);
        assertEquals(listed.subList(0, 2), first.values("items", "code"));
        Response second = http.get(BASE + "?page=2&pageSize=2", admin);
        assertEquals(listed.subList(2, Math.min(4, listed.size())), second.values("items", "code"));
        for (String query : List.of("?pageSize=0", "?pageSize=101", "?page=0", "?page=x", "?sort=code")) {
            Response bad = http.get(BASE + query, admin);
            assertEquals(400, bad.status(), query);
        }
        assertEquals(List.of("pageSize"), http.get(BASE + "?pageSize=0", admin).errorFields());
    }

    @Test
    void aPatchChangesOnlyTheGivenFields() {
        String code = newCode("patch");
        JsonNode before = created("{\"code\":\"" + code + "\",\"kind\":\"percent\",\"value\":10,\"minSubtotal\":\"5\","
                + "\"startsAt\":\"2026-06-01T00:00:00Z\",\"endsAt\":\"2026-09-01T00:00:00Z\",\"usageLimit\":5,"
                + "\"usagePerUser\":2}");
        Response patched = http.send("PATCH", BASE + "/" + code, "{\"value\":\"12.5\",\"endsAt\":null,"
                + "\"usageLimit\":null,\"code\":\"" + upper(code) + "\",\"timesUsed\":7}", admin);
        assertEquals(200, patched.status(), patched.body());
        JsonNode after = patched.json().path("promoCode");
        assertEquals("12.5", after.path("value").asText());
        assertTrue(after.path("endsAt").isNull());
        assertTrue(after.path("usageLimit").isNull());
        assertEquals(0, after.path("timesUsed").asInt());
        for (String kept : List.of("code", "kind", "minSubtotal", "currency", "startsAt", "usagePerUser", "active",
                "createdAt")) {
            assertEquals(before.path(kept), after.path(kept), kept);
        }
        assertEquals(after, get(code).json().path("promoCode"));
        Response empty = http.send("PATCH", BASE + "/" + code, "{}", admin);
        assertEquals(200, empty.status());
        assertEquals(after, empty.json().path("promoCode"));

        Response kind = http.send("PATCH", BASE + "/" + code, "{\"kind\":\"free_shipping\",\"value\":null}", admin);
        assertEquals(200, kind.status(), kind.body());
        assertEquals("free_shipping", kind.json().path("promoCode").path("kind").asText());
        assertTrue(kind.json().path("promoCode").path("value").isNull());
    }

    @Test
    void aPatchThatBreaksARuleOrTheCombinationIsA400AndChangesNothing() {
        String code = newCode("rules");
        JsonNode before = created("{\"code\":\"" + code + "\",\"kind\":\"percent\",\"value\":10,"
                + "\"startsAt\":\"2026-06-01T00:00:00Z\",\"endsAt\":\"2026-09-01T00:00:00Z\"}");
        String[][] cases = {
                {"value", "{\"kind\":\"free_shipping\",\"value\":5}"},
                {"value", "{\"kind\":\"free_shipping\"}"},
                {"value", "{\"kind\":\"amount\"}"},
                {"value", "{\"value\":null}"},
                {"value", "{\"value\":101}"},
                {"kind", "{\"kind\":null}"},
                {"kind", "{\"kind\":\"half\"}"},
                {"minSubtotal", "{\"minSubtotal\":null}"},
                {"minSubtotal", "{\"minSubtotal\":-1}"},
                {"active", "{\"active\":null}"},
                {"active", "{\"active\":1}"},
                {"endsAt", "{\"endsAt\":\"2026-05-01T00:00:00Z\"}"},
                {"startsAt", "{\"startsAt\":\"2026-10-01T00:00:00Z\"}"},
                {"startsAt", "{\"startsAt\":\"soon\"}"},
                {"usageLimit", "{\"usageLimit\":0}"},
                {"usagePerUser", "{\"usagePerUser\":\"1\"}"},
                {"code", "{\"code\":\"SOMETHING-ELSE\"}"},
                {"code", "{\"code\":null}"},
        };
        for (String[] c : cases) {
            Response response = http.send("PATCH", BASE + "/" + code, c[1], admin);
            assertEquals(400, response.status(), c[1] + " -> " + response.body());
            assertEquals(List.of(c[0]), response.errorFields(), c[1] + " -> " + response.body());
        }
        assertEquals(before, get(code).json().path("promoCode"), "nothing changed");
    }

    @Test
    void deleteDeactivatesAndAPatchBringsTheCodeBack() {
        String code = newCode("gone");
        created("{\"code\":\"" + code + "\",\"kind\":\"amount\",\"value\":1}");
        Response deleted = http.send("DELETE", BASE + "/" + code, null, admin);
        assertEquals(204, deleted.status());
        assertTrue(deleted.body().isEmpty());
        JsonNode after = get(code).json().path("promoCode");
        assertFalse(after.path("active").asBoolean(), "kept, inactive");
        assertEquals(204, http.send("DELETE", BASE + "/" + upper(code), null, admin).status(), "again: still 204");
        Response back = http.send("PATCH", BASE + "/" + code, "{\"active\":true}", admin);
        assertTrue(back.json().path("promoCode").path("active").asBoolean());
    }

    @Test
    void anUnknownCodeIs404OnEveryRow() {
        for (String missing : List.of(newCode("ghost"), "x", "has%20space", "a".repeat(40))) {
            assertEquals(404, get(missing).status(), missing);
            Response patch = http.send("PATCH", BASE + "/" + missing, "{\"active\":false}", admin);
            assertEquals(404, patch.status(), missing + " " + patch.body());
            assertEquals("/problems/not-found", patch.json().path("type").asText());
            assertEquals(404, http.send("DELETE", BASE + "/" + missing, null, admin).status(), missing);
        }
    }

    @Test
    void withoutALoginEveryRowIs401AndForACustomer403() {
        String code = newCode("guard");
        JsonNode before = created("{\"code\":\"" + code + "\",\"kind\":\"amount\",\"value\":1}");
        String body = "{\"code\":\"" + newCode("intruder") + "\",\"kind\":\"amount\",\"value\":1}";
        for (String sid : new String[] {null, customer}) {
            int expected = sid == null ? 401 : 403;
            List<Response> answers = List.of(create(body, sid), http.get(BASE, sid), http.get(BASE + "/" + code, sid),
                    http.send("PATCH", BASE + "/" + code, "{\"active\":false}", sid),
                    http.send("DELETE", BASE + "/" + code, null, sid),
                    http.send("PATCH", BASE + "/" + newCode("nothere"), "{\"active\":false}", sid),
                    http.send("PATCH", BASE + "/" + code, "{\"kind\":\"bogus\"}", sid));
            for (Response answer : answers) {
                assertEquals(expected, answer.status(), answer.body());
                assertEquals(sid == null ? "/problems/unauthenticated" : "/problems/forbidden",
                        answer.json().path("type").asText(), answer.body());
            }
        }
        assertEquals(before, get(code).json().path("promoCode"), "nothing changed");
        assertEquals(404, get(body.substring(9, body.indexOf('"', 9))).status(), "the intruder's code was not created");
    }
}
