package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.bootstrap.HttpTestClient.Response;
import dev.storefront.bootstrap.server.StorefrontServer;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.port.in.catalog.CreateProductCommand;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The catalog end to end: the real server on a free port with a SQLite file in a temp directory,
 * talked to over HTTP. Each test makes its own products in a category of its own. Admin writes
 * with a real login come with the accounts feature; here anonymous admin calls must get 401.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogIT {
    @TempDir
    static Path dataDir;
    private StorefrontServer server;
    private HttpTestClient http;

    @BeforeAll
    void start() {
        server = StorefrontServer.start(TestConfigs.config(dataDir, "DEMO_CATALOG", "false"));
        http = new HttpTestClient(server.port());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private Product product(String sku, String name, String category, String price, int stock) {
        return server.storefront().catalog().createProduct().createProduct(new CreateProductCommand(sku, name,
                "All about " + name, category, new BigDecimal(price), stock, null));
    }

    @Test
    void listsProductsWithPricesAsTwoDecimalStrings() throws Exception {
        Product mug = product("LIST-MUG", "Mug", "List", "8.5", 3);
        product("LIST-PEN", "Pen", "List", "100", 0);

        Response answer = http.get("/api/products?category=List");

        assertEquals(200, answer.status());
        assertTrue(answer.header("Content-Type").orElse("").startsWith("application/json"));
        assertFalse(answer.header("X-Request-Id").orElse("").isEmpty());
        assertEquals("no-store", answer.header("Cache-Control").orElse(""));
        assertEquals(List.of("LIST-MUG", "LIST-PEN"), answer.values("items", "sku"));
        assertEquals(List.of("8.50", "100.00"), answer.values("items", "price"));
        assertEquals(List.of("USD", "USD"), answer.values("items", "currency"));
        JsonNode first = answer.json().path("items").path(0);
        assertEquals(mug.id().value(), first.path("id").asLong());
        assertTrue(first.path("price").isTextual());
        assertTrue(first.path("createdAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        assertEquals(1, answer.json().path("page").asInt());
        assertEquals(20, answer.json().path("pageSize").asInt());
        assertEquals(2, answer.json().path("total").asLong());
    }

    @Test
    void everyFilterSortAndPageCombine() throws Exception {
        product("MIX-1", "Green tea", "Mix", "8.00", 5);
        product("MIX-2", "Green tea sampler", "Mix", "8.00", 0);
        product("MIX-3", "Green tea deluxe", "Mix", "80.00", 5);
        product("MIX-4", "Rooibos", "Mix", "6.00", 5);
        product("MIX-5", "green TEA pot", "Mix", "25.00", 5);
        product("MIX-6", "Green tea", "Other", "8.00", 5);

        assertEquals(List.of("MIX-5", "MIX-1"),
                http.get("/api/products?q=GREEN%20tea&category=Mix&minPrice=7&maxPrice=25.00&inStock=true&sort=-price")
                        .values("items", "sku"));
        Response page = http.get("/api/products?category=Mix&sort=price&page=2&pageSize=2");
        assertEquals(List.of("MIX-2", "MIX-5"), page.values("items", "sku"));
        assertEquals(5, page.json().path("total").asLong());
        assertEquals(2, page.json().path("page").asInt());
        assertEquals(List.of("MIX-1", "MIX-3", "MIX-5", "MIX-2", "MIX-4"),
                http.get("/api/products?category=Mix&sort=name").values("items", "sku"));
        assertEquals(List.of("MIX-4", "MIX-2", "MIX-5", "MIX-3", "MIX-1"),
                http.get("/api/products?category=Mix&sort=-name").values("items", "sku"));
        assertEquals(List.of("MIX-5", "MIX-4", "MIX-3", "MIX-2", "MIX-1"),
                http.get("/api/products?category=Mix&sort=newest").values("items", "sku"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"minPrice=abc", "maxPrice=1.234", "minPrice=-5", "minPrice=9&maxPrice=1", "sort=foo",
            "pageSize=0", "pageSize=101", "page=0", "inStock=maybe", "category=",
            "q=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void anInvalidFilterValueIs400NamingIt(String query) throws Exception {
        Response answer = http.get("/api/products?" + query);

        assertEquals(400, answer.status());
        assertEquals("application/problem+json", answer.header("Content-Type").orElse(""));
        assertEquals("/problems/validation", answer.json().path("type").asText());
        String field = query.substring(0, query.indexOf('='));
        assertEquals(List.of(field), answer.errorFields());
    }

    @Test
    void oneProductIsFoundByIdUnlessUnknownInactiveOrNotANumber() throws Exception {
        Product lamp = product("ONE-LAMP", "Desk lamp", "One", "45.00", 2);
        Product gone = product("ONE-GONE", "Old lamp", "One", "15.00", 2);
        server.storefront().catalog().deactivateProduct().deactivateProduct(gone.id());

        Response found = http.get("/api/products/" + lamp.id());
        assertEquals(200, found.status());
        assertEquals("ONE-LAMP", found.json().path("product").path("sku").asText());
        assertEquals("45.00", found.json().path("product").path("price").asText());
        assertTrue(found.json().path("product").path("active").asBoolean());

        for (String id : List.of(gone.id().toString(), "987654321", "lamp", "1.5")) {
            Response missing = http.get("/api/products/" + id);
            assertEquals(404, missing.status(), id);
            assertEquals("/problems/not-found", missing.json().path("type").asText());
        }
        assertFalse(http.get("/api/products?category=One").values("items", "sku").contains("ONE-GONE"));
    }

    @Test
    void categoriesCountActiveProducts() throws Exception {
        product("CAT-A1", "Apple", "Cat Fruit", "1.00", 0);
        product("CAT-A2", "Pear", "Cat Fruit", "1.00", 4);
        Product gone = product("CAT-V1", "Leek", "Cat Veg", "1.00", 4);
        server.storefront().catalog().deactivateProduct().deactivateProduct(gone.id());

        Response answer = http.get("/api/categories");

        assertEquals(200, answer.status());
        JsonNode fruit = null;
        for (JsonNode category : answer.json().path("items")) {
            assertFalse(category.path("name").asText().equals("Cat Veg"));
            if (category.path("name").asText().equals("Cat Fruit")) {
                fruit = category;
            }
        }
        assertEquals(2, fruit == null ? -1 : fruit.path("productCount").asLong());
    }

    @Test
    void adminWritesWithoutALoginAre401() throws Exception {
        Product product = product("ANON-1", "Thing", "Anon", "1.00", 1);
        String body = "{\"sku\":\"ANON-2\",\"name\":\"N\",\"category\":\"Anon\",\"price\":\"1.00\",\"stock\":1}";

        for (Response answer : List.of(http.send("POST", "/api/products", body),
                http.send("PATCH", "/api/products/" + product.id(), "{\"stock\":0}"),
                http.send("DELETE", "/api/products/" + product.id(), null))) {
            assertEquals(401, answer.status());
            assertEquals("/problems/unauthenticated", answer.json().path("type").asText());
        }
        assertEquals(List.of("ANON-1"), http.get("/api/products?category=Anon").values("items", "sku"));
        assertEquals(1, http.get("/api/products/" + product.id()).json().path("product").path("stock").asInt());
    }

    @Test
    void aWrongMethodIs405WithAllow() throws Exception {
        Response answer = http.send("PUT", "/api/products", "{}");

        assertEquals(405, answer.status());
        assertEquals("GET, OPTIONS, POST", answer.header("Allow").orElse(""));
    }
}
