package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.bootstrap.HttpTestClient.Response;
import dev.storefront.domain.port.in.account.GrantAdminUseCase.GrantAdminCommand;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A product's images over HTTP: set by an admin on create and patch (each rule a 400 naming the
 * field, changing nothing), shown in every product answer, and the demo catalog's own pictures
 * served by the server ({@code GET /images/demo/{name}}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProductImagesIT {
    private static final String PASSWORD = "admin secret phrase 5";
    private static final String DEMO_IMAGE = "/images/demo/cof-esp-1kg.svg";

    @TempDir
    static Path dataDir;
    private TestServer http;
    private String admin;

    @BeforeAll
    void start() {
        http = TestServer.start(dataDir);
        String adminName = TestServer.uniqueName("pics");
        assertEquals(201, http.register(adminName, PASSWORD).status());
        http.server.storefront().accounts().grantAdmin().grantAdmin(new GrantAdminCommand(adminName));
        admin = http.login(adminName, PASSWORD, null).sid();
    }

    @AfterAll
    void stop() {
        http.close();
    }

    private Response create(String sku, String imagesJson) {
        return http.post("/api/products", "{\"sku\":\"" + sku + "\",\"name\":\"Pictured " + sku + "\",\"category\":\"Pics\","
                + "\"price\":\"3.00\",\"stock\":4" + (imagesJson == null ? "" : ",\"images\":" + imagesJson) + "}", admin);
    }

    private static List<String> images(JsonNode product) {
        List<String> images = new ArrayList<>();
        product.path("images").forEach(image -> images.add(image.asText()));
        return images;
    }

    private JsonNode product(long id) {
        return http.get("/api/products/" + id, null).json().path("product");
    }

    private JsonNode listed(long id) {
        for (JsonNode item : http.get("/api/products?category=Pics&pageSize=100", null).json().path("items")) {
            if (item.path("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("product " + id + " is not listed");
    }

    @Test
    void anAdminSetsImagesOnCreateAndEachPatchReplacesThem() {
        Response created = create("IMG-1", "[\"https://cdn.example.com/a.png\",\"/images/b.svg\"]");
        assertEquals(201, created.status(), created.body());
        long id = created.json().path("product").path("id").asLong();
        List<String> first = List.of("https://cdn.example.com/a.png", "/images/b.svg");
        assertEquals(first, images(created.json().path("product")));
        assertEquals(first, images(product(id)));
        assertEquals(first, images(listed(id)), "the catalog page");

        Response reordered = http.send("PATCH", "/api/products/" + id, "{\"images\":[\"/images/b.svg\",\"/images/c.svg\"]}",
                admin);
        assertEquals(200, reordered.status(), reordered.body());
        List<String> second = List.of("/images/b.svg", "/images/c.svg");
        assertEquals(second, images(reordered.json().path("product")));
        assertEquals(second, images(product(id)), "the cached product is not stale");
        assertEquals(second, images(listed(id)), "nor the cached page");

        assertEquals(200, http.send("PATCH", "/api/products/" + id, "{\"stock\":7}", admin).status());
        assertEquals(second, images(product(id)), "a patch without images keeps them");

        assertEquals(200, http.send("PATCH", "/api/products/" + id, "{\"images\":[]}", admin).status());
        assertEquals(List.of(), images(product(id)));
        assertEquals(List.of(), images(listed(id)));
    }

    @Test
    void aProductWithoutImagesHasAnEmptyList() {
        Response created = create("IMG-2", null);
        assertEquals(201, created.status(), created.body());
        assertTrue(created.json().path("product").path("images").isArray());
        assertEquals(List.of(), images(created.json().path("product")));
        assertEquals(201, create("IMG-3", "null").status(), "null on create: none");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"/a.svg\"                                | images",
            "{}                                        | images",
            "[1]                                       | images[0]",
            "[\"/a.svg\",null]                         | images[1]",
            "[\"/a.svg\",[\"/b.svg\"]]                 | images[1]",
            "[\"\"]                                    | images[0]",
            "[\"/a b.svg\"]                            | images[0]",
            "[\"/a.svg\",\"/b\\u0000.svg\"]            | images[1]",
            "[\"javascript:alert(1)\"]                 | images[0]",
            "[\"data:image/svg+xml,<svg/>\"]           | images[0]",
            "[\"//evil.example/a.png\"]                | images[0]",
            "[\"/\\\\evil.example/a.png\"]             | images[0]",
            "[\"ftp://example.com/a.png\"]             | images[0]",
            "[\"https:///a.png\"]                      | images[0]",
            "[\"https://u:p@example.com/a.png\"]       | images[0]",
            "[\"a.png\"]                               | images[0]"})
    void eachBrokenRuleIsA400NamingTheFieldOnCreateAndPatch(String imagesJson, String field) {
        Response refused = create("BAD-IMG", imagesJson);
        assertEquals(400, refused.status(), imagesJson + ": " + refused.body());
        assertEquals(List.of(field), refused.errorFields(), refused.body());
        assertTrue(http.get("/api/products?q=BAD-IMG", null).json().path("items").isEmpty() || !http.get(
                "/api/products?category=Pics&pageSize=100", null).json().findValuesAsText("sku").contains("BAD-IMG"));

        long id = create("PATCHED-" + Integer.toHexString(imagesJson.hashCode()), "[\"/kept.svg\"]").json().path("product")
                .path("id").asLong();
        Response patch = http.send("PATCH", "/api/products/" + id, "{\"name\":\"Changed\",\"images\":" + imagesJson + "}",
                admin);
        assertEquals(400, patch.status(), patch.body());
        assertEquals(List.of(field), patch.errorFields(), patch.body());
        assertEquals(List.of("/kept.svg"), images(product(id)), "nothing changed");
        assertFalse(product(id).path("name").asText().equals("Changed"), "nothing changed");
    }

    @Test
    void countAndLengthLimitsAreNamed() {
        String eleven = "[" + String.join(",", Collections.nCopies(11, "\"/a.svg\"")) + "]";
        Response tooMany = create("MANY", eleven);
        assertEquals(400, tooMany.status());
        assertEquals(List.of("images"), tooMany.errorFields());
        assertEquals(201, create("TEN", "[" + String.join(",", Collections.nCopies(10, "\"/a.svg\"")) + "]").status());

        String longest = "https://cdn.example.com/" + "a".repeat(2048 - 24);
        assertEquals(201, create("LONGEST", "[\"" + longest + "\"]").status());
        Response tooLong = create("TOO-LONG", "[\"/ok.svg\",\"" + longest + "a\"]");
        assertEquals(400, tooLong.status());
        assertEquals(List.of("images[1]"), tooLong.errorFields());
        assertTrue(tooLong.body().contains("2048"), tooLong.body());
    }

    @Test
    void aPatchWithNullImagesIsRefused() {
        long id = create("NULL-PATCH", "[\"/kept.svg\"]").json().path("product").path("id").asLong();
        Response patch = http.send("PATCH", "/api/products/" + id, "{\"images\":null}", admin);
        assertEquals(400, patch.status());
        assertEquals(List.of("images"), patch.errorFields());
        assertEquals(List.of("/kept.svg"), images(product(id)));
    }

    @Test
    void theDemoPicturesAreServedWithStrictHeaders() {
        Response svg = http.get(DEMO_IMAGE, null);
        assertEquals(200, svg.status());
        assertEquals("image/svg+xml", svg.header("Content-Type").orElse(""));
        assertEquals("public, max-age=31536000, immutable", svg.header("Cache-Control").orElse(""));
        assertEquals("nosniff", svg.header("X-Content-Type-Options").orElse(""));
        assertEquals("default-src 'none'; frame-ancestors 'none'; sandbox", svg.header("Content-Security-Policy").orElse(""));
        assertTrue(svg.header("X-Request-Id").isPresent(), "like every answer of the server");
        assertTrue(svg.body().startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg.body());
        assertFalse(svg.body().contains("<script"), svg.body());
        assertTrue(svg.body().length() < 1024, "a few hundred bytes: " + svg.body().length());
        assertEquals(405, http.send("POST", DEMO_IMAGE, "{}", admin).status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/images/demo/unknown.svg", "/images/demo/COF-ESP-1KG.svg", "/images/demo/cof-esp-1kg",
            "/images/demo/cof-esp-1kg.svg.json", "/images/demo/", "/images/demo", "/images/demo-catalog.json",
            "/images/demo/demo-catalog.json", "/images/demo/..%2Fdemo-catalog.json", "/images/demo/%2e%2e%2fdemo-catalog.json",
            "/images/demo/..%5Cdemo-catalog.json", "/images/demo/%2e%2e", "/images/demo/cof-esp-1kg.svg%00",
            "/images/demo/cof-esp-1kg.svg/", "/images/demo/x/../cof-esp-1kg.svg.bak", "/images/demo/logging.properties",
            "/images/demo/..%2F..%2Fserver%2Fdemo-catalog.json"})
    void anythingButAKnownNameIsAProblem(String path) {
        Response answer = http.get(path, null);
        assertTrue(answer.status() == 404 || answer.status() == 400, path + ": " + answer.status());
        assertTrue(answer.header("Content-Type").orElse("").startsWith("application/problem+json"), path);
        assertFalse(answer.body().contains("<svg") || answer.body().contains("\"products\""), answer.body());
    }

    @Test
    void rawDotSegmentsDoNotLeaveTheFixedSet() throws Exception {
        for (String path : List.of("/images/demo/../demo-catalog.json", "/images/demo/../../server/demo-catalog.json",
                "/images/demo/./../logging.properties", "/images/demo/..\\demo-catalog.json")) {
            String answer = raw(path);
            assertFalse(answer.startsWith("HTTP/1.1 200"), path + ": " + answer);
            assertFalse(answer.contains("\"products\"") || answer.contains("handlers="), path + ": " + answer);
        }
    }

    /** One request written as given (an HTTP client would normalise the dot segments). */
    private String raw(String path) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", http.server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
