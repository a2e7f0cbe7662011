package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.bootstrap.HttpTestClient.Response;
import dev.storefront.domain.address.Address;
import dev.storefront.domain.user.UserId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every row of api.md's Addresses table over real HTTP, each rule and failure code, and a race on the limit. */
class AddressesIT {
    private static final String PASSWORD = "correct horse battery";
    private static final String PATH = "/api/user/addresses";
    private static final String HOME = "{\"name\":\"Alice Doe\",\"line1\":\"1 Main St\",\"city\":\"Springfield\","
            + "\"postalCode\":\"12345\",\"country\":\"US\"}";

    @TempDir
    static Path dataDir;
    private static TestServer http;

    @BeforeAll
    static void start() {
        http = TestServer.start(dataDir);
    }

    @AfterAll
    static void stop() {
        http.close();
    }

    private static String user() {
        return http.registeredAndLoggedIn(TestServer.uniqueName("addr"), PASSWORD);
    }

    private static Response add(String sid, String json) {
        return http.post(PATH, json, sid);
    }

    /** Adds {@code name}'s address (the rest as HOME) and returns its id. */
    private static long added(String sid, String name, boolean makeDefault) {
        Response r = add(sid, "{\"name\":\"" + name + "\",\"line1\":\"1 Main St\",\"city\":\"Springfield\","
                + "\"postalCode\":\"12345\",\"country\":\"US\"" + (makeDefault ? ",\"default\":true" : "") + "}");
        assertEquals(201, r.status(), r.body());
        return r.json().path("address").path("id").asLong();
    }

    private static Response patch(String sid, long id, String json) {
        return http.send("PATCH", PATH + "/" + id, json, sid);
    }

    private static Response delete(String sid, long id) {
        return http.send("DELETE", PATH + "/" + id, null, sid);
    }

    /** The book as {@code name} (with {@code *} on the default), in the order GET lists it. */
    private static List<String> book(String sid) {
        Response r = http.get(PATH, sid);
        assertEquals(200, r.status(), r.body());
        List<String> names = new ArrayList<>();
        r.json().path("items").forEach(a -> names.add(a.path("name").asText() + (a.path("default").asBoolean() ? "*" : "")));
        return names;
    }

    private static void assertInvalid(Response r, String field) {
        assertEquals(400, r.status(), r.body());
        assertEquals(List.of(field), r.errorFields(), r.body());
    }

    // 401

    @Test
    void everyRouteNeedsALogin() {
        assertEquals(401, http.get(PATH, null).status());
        assertEquals(401, add(null, HOME).status());
        assertEquals(401, patch(null, 1, "{\"name\":\"x\"}").status());
        assertEquals(401, delete(null, 1).status());
        assertEquals(401, add(null, "{\"name\":5}").status(), "401 before the body is read");
    }

    // GET

    @Test
    void aNewUsersBookIsEmpty() {
        Response r = http.get(PATH, user());
        assertEquals(200, r.status());
        assertEquals("{\"items\":[]}", r.body());
    }

    // POST

    @Test
    void addingAnswers201WithTheAddressTrimmedAndTheCountryUpperCasedAndAbsentFieldsEmpty() {
        String sid = user();
        Response r = add(sid, "{\"name\":\"  Alice Doe \",\"line1\":\" 1 Main St\",\"city\":\"Springfield \","
                + "\"postalCode\":\" 12345 \",\"country\":\" us \"}");
        assertEquals(201, r.status(), r.body());
        long id = r.json().path("address").path("id").asLong();
        assertEquals("{\"address\":{\"id\":" + id + ",\"name\":\"Alice Doe\",\"line1\":\"1 Main St\",\"line2\":\"\","
                + "\"city\":\"Springfield\",\"region\":\"\",\"postalCode\":\"12345\",\"country\":\"US\",\"phone\":\"\","
                + "\"default\":true}}", r.body());
        Response listed = http.get(PATH, sid);
        assertEquals("{\"items\":[" + r.body().substring("{\"address\":".length(), r.body().length() - 1) + "]}",
                listed.body());
    }

    @Test
    void everyFieldIsStoredAndReturned() {
        String sid = user();
        Response r = add(sid, "{\"name\":\"Zoë Ångström\",\"line1\":\"Flat 2\",\"line2\":\"10 Downing Street\","
                + "\"city\":\"London\",\"region\":\"Greater London\",\"postalCode\":\"SW1A 2AA\",\"country\":\"gb\","
                + "\"phone\":\"+44 (20) 7925-0918\",\"unknownField\":1}");
        assertEquals(201, r.status(), r.body());
        JsonNode a = r.json().path("address");
        assertEquals(List.of("Zoë Ångström", "Flat 2", "10 Downing Street", "London", "Greater London", "SW1A 2AA", "GB",
                "+44 (20) 7925-0918"), List.of(a.path("name").asText(), a.path("line1").asText(), a.path("line2").asText(),
                a.path("city").asText(), a.path("region").asText(), a.path("postalCode").asText(),
                a.path("country").asText(), a.path("phone").asText()));
        assertEquals(a, http.get(PATH, sid).json().path("items").get(0));
    }

    @Test
    void theFirstAddressIsTheDefaultAndDefaultTrueMovesItAndTheDefaultIsListedFirst() {
        String sid = user();
        added(sid, "A", false);
        added(sid, "B", false);
        assertEquals(List.of("A*", "B"), book(sid));
        added(sid, "C", true);
        assertEquals(List.of("C*", "A", "B"), book(sid));
        Response r = add(sid, HOME.replace("}", ",\"default\":false}"));
        assertFalse(r.json().path("address").path("default").asBoolean());
        assertEquals("C*", book(sid).get(0));
    }

    @Test
    void theTwentyFirstAddressIs409AndAddsNothing() {
        String sid = user();
        for (int i = 0; i < 20; i++) {
            added(sid, "A" + i, false);
        }
        Response r = add(sid, HOME.replace("}", ",\"default\":true}"));
        assertEquals(409, r.status(), r.body());
        assertTrue(r.body().contains("at most 20"), r.body());
        List<String> book = book(sid);
        assertEquals(20, book.size());
        assertEquals("A0*", book.get(0), "the refused add did not move the default");
        long first = http.get(PATH, sid).json().path("items").get(0).path("id").asLong();
        assertEquals(204, delete(sid, first).status());
        assertEquals(201, add(sid, HOME).status(), "room again after a delete");
        assertEquals(201, add(user(), HOME).status(), "the limit is per user");
    }

    @Test
    void everyFieldRuleIsA400NamingTheFieldAndAddsNothing() {
        String sid = user();
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("name", "\"\"");
        bad.put("line1", "\"   \"");
        bad.put("city", "\"\"");
        bad.put("postalCode", "\"\"");
        bad.put("country", "\"\"");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            assertInvalid(add(sid, withField(HOME, e.getKey(), e.getValue())), e.getKey());
            assertInvalid(add(sid, withField(HOME, e.getKey(), null)), e.getKey());
        }
        assertInvalid(add(sid, withField(HOME, "name", q("n".repeat(101)))), "name");
        assertInvalid(add(sid, withField(HOME, "name", "\"Bad\\u0007name\"")), "name");
        assertInvalid(add(sid, withField(HOME, "line1", q("l".repeat(201)))), "line1");
        assertInvalid(add(sid, withField(HOME, "line2", q("l".repeat(201)))), "line2");
        assertInvalid(add(sid, withField(HOME, "city", q("c".repeat(101)))), "city");
        assertInvalid(add(sid, withField(HOME, "region", q("r".repeat(101)))), "region");
        assertInvalid(add(sid, withField(HOME, "postalCode", q("1".repeat(21)))), "postalCode");
        assertInvalid(add(sid, withField(HOME, "postalCode", "\"12#45\"")), "postalCode");
        assertInvalid(add(sid, withField(HOME, "country", "\"ZZ\"")), "country");
        assertInvalid(add(sid, withField(HOME, "country", "\"USA\"")), "country");
        assertInvalid(add(sid, withField(HOME, "phone", q("1".repeat(33)))), "phone");
        assertInvalid(add(sid, withField(HOME, "phone", "\"call me\"")), "phone");
        // At the limits: accepted.
        Response longest = add(sid, "{\"name\":" + q("n".repeat(100)) + ",\"line1\":" + q("l".repeat(200))
                + ",\"line2\":" + q("m".repeat(200)) + ",\"city\":" + q("c".repeat(100)) + ",\"region\":"
                + q("r".repeat(100)) + ",\"postalCode\":" + q("A1-".repeat(6) + "Z9") + ",\"country\":\"de\",\"phone\":"
                + q("+1 (2) 3-" + "4".repeat(23)) + "}");
        assertEquals(201, longest.status(), longest.body());
        assertEquals(1, book(sid).size(), "only the valid one was added");
        Response several = add(sid, "{\"name\":\"\",\"country\":\"XX\"}");
        assertEquals(400, several.status());
        assertEquals(List.of("name", "line1", "city", "postalCode", "country"), several.errorFields(), several.body());
    }

    @Test
    void aWrongJsonTypeIsA400NamingTheField() {
        String sid = user();
        assertInvalid(add(sid, withField(HOME, "name", "5")), "name");
        assertInvalid(add(sid, withField(HOME, "line2", "[\"a\"]")), "line2");
        assertInvalid(add(sid, withField(HOME, "phone", "{}")), "phone");
        assertInvalid(add(sid, withField(HOME, "country", "true")), "country");
        assertInvalid(add(sid, withField(HOME, "default", "\"true\"")), "default");
        assertInvalid(add(sid, withField(HOME, "default", "1")), "default");
        assertInvalid(add(sid, withField(HOME, "default", "null")), "default");
        Response nullText = add(sid, withField(HOME, "line2", "null"));
        assertEquals(201, nullText.status(), "on add, a null text field is not given: " + nullText.body());
        assertEquals("", nullText.json().path("address").path("line2").asText());
        assertEquals(204, delete(sid, nullText.json().path("address").path("id").asLong()).status());
        for (String body : List.of("[]", "\"text\"", "{", "")) {
            assertEquals(400, add(sid, body).status(), body);
        }
        assertTrue(book(sid).isEmpty());
    }

    // PATCH

    @Test
    void aPatchChangesOnlyTheGivenFields() {
        String sid = user();
        long id = added(sid, "Alice", false);
        Response r = patch(sid, id, "{\"city\":\"  Shelbyville \",\"country\":\"de\",\"line2\":\"Apt 3\"}");
        assertEquals(200, r.status(), r.body());
        assertEquals("{\"address\":{\"id\":" + id + ",\"name\":\"Alice\",\"line1\":\"1 Main St\",\"line2\":\"Apt 3\","
                + "\"city\":\"Shelbyville\",\"region\":\"\",\"postalCode\":\"12345\",\"country\":\"DE\",\"phone\":\"\","
                + "\"default\":true}}", r.body());
        assertEquals(r.json().path("address"), http.get(PATH, sid).json().path("items").get(0));
        Response cleared = patch(sid, id, "{\"line2\":\"\"}");
        assertEquals("", cleared.json().path("address").path("line2").asText(), "an optional field can be cleared");
        Response nothing = patch(sid, id, "{}");
        assertEquals(200, nothing.status());
        assertEquals(cleared.body(), nothing.body());
    }

    @Test
    void aPatchWithDefaultTrueMovesTheDefaultAndFalseLeavesIt() {
        String sid = user();
        added(sid, "A", false);
        long b = added(sid, "B", false);
        Response r = patch(sid, b, "{\"default\":true}");
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().path("address").path("default").asBoolean());
        assertEquals(List.of("B*", "A"), book(sid));
        Response kept = patch(sid, b, "{\"default\":false}");
        assertEquals(200, kept.status(), kept.body());
        assertTrue(kept.json().path("address").path("default").asBoolean(), "the default is moved, never removed");
        assertEquals(List.of("B*", "A"), book(sid));
    }

    @Test
    void anInvalidPatchIsA400NamingTheFieldAndChangesNothing() {
        String sid = user();
        added(sid, "A", false);
        long b = added(sid, "B", false);
        String before = http.get(PATH, sid).body();
        assertInvalid(patch(sid, b, "{\"name\":\"\",\"default\":true}"), "name");
        assertInvalid(patch(sid, b, "{\"country\":\"ZZ\"}"), "country");
        assertInvalid(patch(sid, b, "{\"postalCode\":\"#\"}"), "postalCode");
        assertInvalid(patch(sid, b, "{\"phone\":\"" + "1".repeat(33) + "\"}"), "phone");
        assertInvalid(patch(sid, b, "{\"line2\":null}"), "line2");
        assertInvalid(patch(sid, b, "{\"city\":7}"), "city");
        assertInvalid(patch(sid, b, "{\"default\":\"yes\"}"), "default");
        assertInvalid(patch(sid, b, "{\"default\":null}"), "default");
        assertEquals(400, patch(sid, b, "[]").status());
        assertEquals(before, http.get(PATH, sid).body());
    }

    // 404

    @Test
    void anotherUsersAddressIs404LikeOneThatDoesNotExist() {
        String alice = user();
        String bob = user();
        long id = added(alice, "Alice", false);
        String before = http.get(PATH, alice).body();
        Response patched = patch(bob, id, "{\"name\":\"Bob\",\"default\":true}");
        assertEquals(404, patched.status(), patched.body());
        assertEquals(404, delete(bob, id).status());
        assertEquals(before, http.get(PATH, alice).body());
        assertEquals("{\"items\":[]}", http.get(PATH, bob).body());
        assertEquals(404, patch(alice, id + 100_000, "{\"name\":\"x\"}").status());
        assertEquals(404, delete(alice, id + 100_000).status());
        for (String notAnId : List.of("abc", "0", "-1", "1.5", "99999999999999999999")) {
            assertEquals(404, http.send("PATCH", PATH + "/" + notAnId, "{\"name\":\"x\"}", alice).status(), notAnId);
            assertEquals(404, http.send("DELETE", PATH + "/" + notAnId, null, alice).status(), notAnId);
        }
    }

    // DELETE

    @Test
    void deletingAnswers204AndDeletingTheDefaultMakesTheOldestRemainingOneTheDefault() {
        String sid = user();
        long a = added(sid, "A", false);
        added(sid, "B", false);
        added(sid, "C", false);
        long d = added(sid, "D", true);
        assertEquals(List.of("D*", "A", "B", "C"), book(sid));
        Response r = delete(sid, d);
        assertEquals(204, r.status());
        assertEquals("", r.body());
        assertEquals(List.of("A*", "B", "C"), book(sid));
        assertEquals(204, delete(sid, a).status());
        assertEquals(List.of("B*", "C"), book(sid));
        assertEquals(404, delete(sid, a).status(), "gone");
    }

    // CSRF, as for every write

    @Test
    void aForeignOriginCannotWriteTheBook() {
        String sid = user();
        long id = added(sid, "A", false);
        String before = http.get(PATH, sid).body();
        assertEquals(403, http.send("POST", PATH, HOME, sid, "Origin", "http://evil.example").status());
        assertEquals(403, http.send("PATCH", PATH + "/" + id, "{\"name\":\"x\"}", sid, "Origin", "http://evil.example")
                .status());
        assertEquals(403, http.send("DELETE", PATH + "/" + id, null, sid, "Origin", "http://evil.example").status());
        assertEquals(before, http.get(PATH, sid).body());
    }

    // Your data

    @Test
    void theExportHoldsTheAddressesAndDeletingTheAccountErasesThem() {
        String sid = user();
        added(sid, "A", false);
        added(sid, "B", true);
        Response export = http.get("/api/user/export", sid);
        assertEquals(200, export.status(), export.body());
        assertEquals(http.get(PATH, sid).json().path("items"), export.json().path("addresses"));
        UserId id = new UserId(http.get("/api/user", sid).json().path("user").path("id").asLong());
        assertEquals(2, http.server.storefront().addresses().listAddresses().listAddresses(id).size());
        Response deleted = http.send("DELETE", "/api/user", "{\"currentPassword\":\"" + PASSWORD + "\"}", sid);
        assertEquals(204, deleted.status(), deleted.body());
        assertTrue(http.server.storefront().addresses().listAddresses().listAddresses(id).isEmpty(), "erased with the account");
    }

    // The limit and the one default under concurrency

    @Test
    void concurrentAddsOfTwoUsersNeverPassTwentyNorLeaveTwoDefaults() throws Exception {
        for (int round = 0; round < 3; round++) {
            List<String> users = List.of(user(), user());
            int perUser = 25;
            ExecutorService pool = Executors.newFixedThreadPool(2 * perUser);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            try {
                for (String sid : users) {
                    for (int i = 0; i < perUser; i++) {
                        boolean makeDefault = i % 3 == 0;
                        String body = "{\"name\":\"N" + i + "\",\"line1\":\"1 Main St\",\"city\":\"Springfield\","
                                + "\"postalCode\":\"12345\",\"country\":\"US\",\"default\":" + makeDefault + "}";
                        Callable<Integer> call = () -> {
                            go.await();
                            return add(sid, body).status();
                        };
                        answers.add(pool.submit(call));
                    }
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : answers) {
                    statuses.add(f.get());
                }
                Map<Integer, Long> counts = statuses.stream().collect(Collectors.groupingBy(s -> s, Collectors.counting()));
                assertEquals(Map.of(201, 40L, 409, 10L), counts, "round " + round);
            } finally {
                pool.shutdownNow();
            }
            for (String sid : users) {
                List<String> book = book(sid);
                assertEquals(Address.MAX_PER_USER, book.size(), book.toString());
                assertEquals(1, book.stream().filter(n -> n.endsWith("*")).count(), "one default: " + book);
                assertTrue(book.get(0).endsWith("*"), book.toString());
            }
        }
    }

    private static String q(String text) {
        return "\"" + text + "\"";
    }

    /** {@code json} (a flat object) with {@code field} set to the raw JSON {@code value}, or removed when null. */
    private static String withField(String json, String field, String value) {
        String key = "\"" + field + "\":";
        String body = json.substring(1, json.length() - 1);
        List<String> parts = new ArrayList<>();
        boolean found = false;
        for (String part : body.split(",(?=\")")) {
            if (part.startsWith(key)) {
                found = true;
                if (value != null) {
                    parts.add(key + value);
                }
            } else {
                parts.add(part);
            }
        }
        if (!found && value != null) {
            parts.add(key + value);
        }
        return "{" + String.join(",", parts) + "}";
    }
}
