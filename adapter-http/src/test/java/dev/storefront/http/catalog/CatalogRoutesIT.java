package dev.storefront.http.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.application.catalog.CreateProductService;
import dev.storefront.application.catalog.DeactivateProductService;
import dev.storefront.application.catalog.GetProductService;
import dev.storefront.application.catalog.ListCategoriesService;
import dev.storefront.application.catalog.SearchProductsService;
import dev.storefront.application.catalog.UpdateProductService;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.Sku;
import dev.storefront.domain.port.in.catalog.CreateProductCommand;
import dev.storefront.domain.user.Role;
import dev.storefront.domain.user.UserId;
import dev.storefront.http.HttpApi;
import dev.storefront.http.HttpSettings;
import dev.storefront.http.common.Principal;
import dev.storefront.inmemory.InMemoryProductRepository;
import dev.storefront.inmemory.InMemoryTransactions;
import dev.storefront.inmemory.ManualTimeSource;
import io.undertow.Undertow;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The catalog routes over HTTP, with the real use cases over in-memory fakes and a stand-in for the
 * session resolver: the {@code X-Test-Role} header makes the caller an admin or a customer. Covers
 * every row and failure code of the catalog table in api.md, admin routes included.
 */
class CatalogRoutesIT {
    private static final Currency USD = Currency.getInstance("USD");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = "admin";
    private static final String CUSTOMER = "customer";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Undertow server;
    private String base;
    private InMemoryProductRepository products;
    private ManualTimeSource time;
    private CreateProductService create;

    @BeforeEach
    void start() {
        InMemoryTransactions transactions = new InMemoryTransactions();
        products = new InMemoryProductRepository(transactions);
        time = new ManualTimeSource(Instant.parse("2026-11-22T10:15:30.456Z"));
        create = new CreateProductService(products, transactions, time, USD);
        CatalogRoutes routes = new CatalogRoutes(new SearchProductsService(products),
                new GetProductService(products), new ListCategoriesService(products),
                create, new UpdateProductService(products, transactions),
                new DeactivateProductService(products, transactions));
        server = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setHandler(HttpApi.builder(HttpSettings.defaults())
                        .routes(routes)
                        .principals(request -> request.header("X-Test-Role").map(role ->
                                new Principal(new UserId(1), role.equals(ADMIN) ? Role.ADMIN : Role.CUSTOMER)))
                        .build())
                .build();
        server.start();
        int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        base = "http://127.0.0.1:" + port;
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    record Answer(int status, JsonNode body, HttpResponse<String> raw) {
        String field(int index) {
            return body.path("errors").path(index).path("field").asText();
        }

        List<String> fields() {
            List<String> fields = new ArrayList<>();
            body.path("errors").forEach(e -> fields.add(e.path("field").asText()));
            return fields;
        }

        List<String> skus() {
            List<String> skus = new ArrayList<>();
            body.path("items").forEach(p -> skus.add(p.path("sku").asText()));
            return skus;
        }
    }

    private Answer send(String method, String path, String body, String role, String contentType)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (role != null) {
            request.header("X-Test-Role", role);
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), json, response);
    }

    private Answer get(String path) throws IOException, InterruptedException {
        return send("GET", path, null, null, null);
    }

    private Answer send(String method, String path, String body, String role) throws IOException, InterruptedException {
        return send(method, path, body, role, "application/json");
    }

    private Product product(String sku, String name, String category, String price, int stock) {
        Product product = create.createProduct(new CreateProductCommand(sku, name, name + " description", category,
                new BigDecimal(price), stock, null));
        time.advance(Duration.ofSeconds(1));
        return product;
    }

    private static void assertProblem(Answer answer, int status, String type) {
        assertEquals(status, answer.status(), () -> answer.raw().body());
        assertEquals("application/problem+json", answer.raw().headers().firstValue("Content-Type").orElse(""));
        assertEquals(type, answer.body().path("type").asText());
        assertEquals(status, answer.body().path("status").asInt());
    }

    private static void assertInvalid(Answer answer, String... fields) {
        assertProblem(answer, 400, "/problems/validation");
        assertEquals(List.of(fields), answer.fields(), () -> answer.raw().body());
    }

    @Nested
    class ListingProducts {
        @Test
        void listsActiveProductsByNameWithMoneyAsTwoDecimalStrings() throws Exception {
            product("MUG", "Mug", "Kitchen", "12.5", 3);
            product("APRON", "Apron", "Kitchen", "20", 0);
            Product gone = product("GONE", "Gone", "Kitchen", "1", 1);
            products.update(gone.deactivate());

            Answer answer = get("/api/products");

            assertEquals(200, answer.status());
            assertTrue(answer.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertEquals(List.of("APRON", "MUG"), answer.skus());
            assertEquals(1, answer.body().path("page").asInt());
            assertEquals(20, answer.body().path("pageSize").asInt());
            assertEquals(2, answer.body().path("total").asLong());
            JsonNode apron = answer.body().path("items").path(0);
            assertTrue(apron.path("price").isTextual());
            assertEquals("20.00", apron.path("price").asText());
            assertEquals("USD", apron.path("currency").asText());
            assertEquals("12.50", answer.body().path("items").path(1).path("price").asText());
            assertEquals(List.of("id", "sku", "name", "description", "category", "price", "currency", "stock", "active",
                    "createdAt", "images"), fieldNames(apron));
            assertEquals("2026-11-22T10:15:31Z", apron.path("createdAt").asText());
            assertTrue(apron.path("images").isArray() && apron.path("images").isEmpty(), apron.toString());
            assertTrue(apron.path("active").asBoolean());
            assertEquals(0, apron.path("stock").asInt());
        }

        @Test
        void filtersCombineAndPagesCount() throws Exception {
            product("T1", "Green tea", "Tea", "8.00", 5);
            product("T2", "Green tea sampler", "Tea", "8.00", 0);
            product("T3", "Green tea deluxe", "Tea", "80.00", 5);
            product("T4", "Green mug", "Kitchen", "8.00", 5);
            product("T5", "Black tea", "Tea", "9.99", 5);

            Answer answer = get("/api/products?q=GREEN&category=Tea&minPrice=1&maxPrice=10.00&inStock=true");
            assertEquals(List.of("T1"), answer.skus());
            assertEquals(1, answer.body().path("total").asLong());

            Answer paged = get("/api/products?sort=-price&page=2&pageSize=2");
            assertEquals(List.of("T4", "T2"), paged.skus());
            assertEquals(5, paged.body().path("total").asLong());
            assertEquals(2, paged.body().path("pageSize").asInt());

            assertEquals(List.of("T5", "T4", "T2", "T1"), get("/api/products?maxPrice=9.99&sort=-price").skus());
            assertEquals(List.of("T5", "T4", "T3", "T2", "T1"), get("/api/products?sort=newest").skus());
            assertEquals(List.of("T1", "T2", "T4", "T5", "T3"), get("/api/products?sort=price").skus());
            assertEquals(List.of("T5", "T4", "T1", "T3", "T2"), get("/api/products?sort=name").skus());
            assertEquals(List.of("T2", "T3", "T1", "T4", "T5"), get("/api/products?sort=-name").skus());
            assertEquals(5, get("/api/products?inStock=false").body().path("total").asLong());
            assertEquals(5, get("/api/products?q=").body().path("total").asLong());
        }

        @Test
        void textSearchTakesPercentAndUnderscoreLiterally() throws Exception {
            product("P", "100% wool", "Clothing", "30.00", 1);
            product("Q", "1000 buttons", "Clothing", "3.00", 1);

            assertEquals(List.of("P"), get("/api/products?q=100%25").skus());
            assertEquals(List.of(), get("/api/products?q=1_0").skus());
        }

        @ParameterizedTest
        @CsvSource({
                "minPrice=abc, minPrice",
                "minPrice=1.999, minPrice",
                "minPrice=-1, minPrice",
                "maxPrice=1e3, maxPrice",
                "minPrice=20&maxPrice=10, minPrice",
                "sort=foo, sort",
                "sort=NAME, sort",
                "pageSize=0, pageSize",
                "pageSize=101, pageSize",
                "pageSize=ten, pageSize",
                "page=0, page",
                "page=-1, page",
                "inStock=yes, inStock",
                "inStock=1, inStock",
                "category=, category",
                "page=1&page=2, page"
        })
        void rejectsAnInvalidValueNamingIt(String query, String field) throws Exception {
            assertInvalid(get("/api/products?" + query), field);
        }

        @Test
        void reportsEveryInvalidParameterAtOnce() throws Exception {
            assertInvalid(get("/api/products?minPrice=x&sort=up&pageSize=0"), "minPrice", "sort", "pageSize");
        }

        @Test
        void anUnknownParameterIsRefusedNamingIt() throws Exception {
            assertInvalid(get("/api/products?pagesize=2&min_price=100"), "min_price", "pagesize");
            assertInvalid(get("/api/products?pageSize=2&minPrice=x&colour=red"), "minPrice", "colour");
        }
    }

    @Nested
    class GettingOneProduct {
        @Test
        void answersTheProductInAnEnvelope() throws Exception {
            Product mug = product("MUG-1", "Mug", "Kitchen", "12.00", 3);

            Answer answer = get("/api/products/" + mug.id());

            assertEquals(200, answer.status());
            JsonNode product = answer.body().path("product");
            assertEquals(mug.id().value(), product.path("id").asLong());
            assertEquals("MUG-1", product.path("sku").asText());
            assertEquals("12.00", product.path("price").asText());
            assertEquals("USD", product.path("currency").asText());
        }

        @Test
        void unknownInactiveAndNonNumericIdsAreNotFound() throws Exception {
            Product gone = product("GONE", "Gone", "Kitchen", "1.00", 1);
            products.update(gone.deactivate());

            assertProblem(get("/api/products/" + gone.id()), 404, "/problems/not-found");
            assertProblem(get("/api/products/999999"), 404, "/problems/not-found");
            assertProblem(get("/api/products/abc"), 404, "/problems/not-found");
            assertProblem(get("/api/products/0"), 404, "/problems/not-found");
            assertProblem(get("/api/products/-1"), 404, "/problems/not-found");
            assertProblem(get("/api/products/99999999999999999999999"), 404, "/problems/not-found");
        }
    }

    @Nested
    class ListingCategories {
        @Test
        void countsActiveProductsPerCategoryByName() throws Exception {
            product("K1", "Mug", "Kitchen", "1.00", 1);
            product("K2", "Bowl", "Kitchen", "1.00", 0);
            product("B1", "Novel", "Books", "1.00", 1);
            products.update(product("G1", "Gone", "Garden", "1.00", 1).deactivate());

            Answer answer = get("/api/categories");

            assertEquals(200, answer.status());
            assertEquals("[{\"name\":\"Books\",\"productCount\":1},{\"name\":\"Kitchen\",\"productCount\":2}]",
                    answer.body().path("items").toString());
        }
    }

    @Nested
    class CreatingProducts {
        private static final String VALID = "{\"sku\":\"ESP-1\",\"name\":\" Espresso beans \",\"description\":\"Dark\","
                + "\"category\":\"Coffee\",\"price\":\"19.99\",\"stock\":7}";

        @Test
        void anAdminCreatesAProduct() throws Exception {
            Answer answer = send("POST", "/api/products", VALID, ADMIN);

            assertEquals(201, answer.status(), () -> answer.raw().body());
            JsonNode product = answer.body().path("product");
            long id = product.path("id").asLong();
            assertEquals("/api/products/" + id, answer.raw().headers().firstValue("Location").orElse(""));
            assertEquals("ESP-1", product.path("sku").asText());
            assertEquals("Espresso beans", product.path("name").asText());
            assertEquals("19.99", product.path("price").asText());
            assertEquals("USD", product.path("currency").asText());
            assertEquals(7, product.path("stock").asInt());
            assertTrue(product.path("active").asBoolean());
            assertEquals("2026-11-22T10:15:30Z", product.path("createdAt").asText());
            assertEquals(200, get("/api/products/" + id).status());
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "19.99 | 19.99",
                "\"19.9\" | 19.90",
                "5 | 5.00",
                "0 | 0.00",
                "1.10 | 1.10",
                "\"0.01\" | 0.01",
                "2.5e1 | 25.00"
        })
        void acceptsAPriceAsAStringOrAJsonNumberExactly(String price, String shown) throws Exception {
            String body = "{\"sku\":\"P\",\"name\":\"P\",\"category\":\"C\",\"price\":" + price + ",\"stock\":1}";

            Answer answer = send("POST", "/api/products", body, ADMIN);

            assertEquals(201, answer.status(), () -> answer.raw().body());
            assertEquals(shown, answer.body().path("product").path("price").asText());
            assertEquals("", answer.body().path("product").path("description").asText());
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "\"1.999\"", "1.999", "-1", "\"-0.01\"", "\"abc\"", "\"1e3\"", "true", "\"\"", "\" 5\"", "[1]",
                "100000000", "0.1e-5"
        })
        void rejectsAPriceWithMoreThanTwoDecimalsNegativeOrNotANumber(String price) throws Exception {
            String body = "{\"sku\":\"P\",\"name\":\"P\",\"category\":\"C\",\"price\":" + price + ",\"stock\":1}";

            assertInvalid(send("POST", "/api/products", body, ADMIN), "price");
            assertEquals(0, products.count());
        }

        @Test
        void namesEveryMissingOrInvalidField() throws Exception {
            assertInvalid(send("POST", "/api/products", "{}", ADMIN), "sku", "name", "category", "price", "stock");
            assertInvalid(send("POST", "/api/products",
                    "{\"sku\":\"bad sku\",\"name\":\"\",\"category\":\"C\",\"price\":1,\"stock\":1000001}", ADMIN),
                    "sku", "name", "stock");
            assertInvalid(send("POST", "/api/products",
                    "{\"sku\":\"S\",\"name\":\"N\",\"category\":\"C\",\"price\":1,\"stock\":-1}", ADMIN), "stock");
        }

        @Test
        void rejectsFieldsOfTheWrongJsonType() throws Exception {
            assertInvalid(send("POST", "/api/products",
                    "{\"sku\":5,\"name\":\"N\",\"category\":\"C\",\"price\":1,\"stock\":\"5\"}", ADMIN), "sku", "stock");
            assertInvalid(send("POST", "/api/products",
                    "{\"sku\":\"S\",\"name\":\"N\",\"category\":\"C\",\"price\":1,\"stock\":5.0}", ADMIN), "stock");
            assertInvalid(send("POST", "/api/products",
                    "{\"sku\":\"S\",\"name\":\"N\",\"category\":\"C\",\"price\":1,\"stock\":99999999999}", ADMIN), "stock");
        }

        @Test
        void rejectsMalformedBodiesAndOtherContentTypes() throws Exception {
            assertProblem(send("POST", "/api/products", "{\"sku\":", ADMIN), 400, "/problems/malformed-request");
            assertProblem(send("POST", "/api/products", "[]", ADMIN), 400, "/problems/malformed-request");
            assertProblem(send("POST", "/api/products", "", ADMIN), 400, "/problems/malformed-request");
            assertProblem(send("POST", "/api/products", VALID, ADMIN, "text/plain"), 415, "/problems/unsupported-media-type");
        }

        @Test
        void refusesAnonymousCallersAndCustomers() throws Exception {
            assertProblem(send("POST", "/api/products", VALID, null), 401, "/problems/unauthenticated");
            assertProblem(send("POST", "/api/products", VALID, CUSTOMER), 403, "/problems/forbidden");
            assertEquals(0, products.count());
        }

        @Test
        void aDuplicateSkuInAnyCaseIsAConflict() throws Exception {
            product("esp-1", "Existing", "Coffee", "1.00", 1);

            Answer answer = send("POST", "/api/products", VALID, ADMIN);

            assertProblem(answer, 409, "/problems/conflict");
            assertEquals("sku", answer.field(0));
            assertEquals(1, products.count());
        }
    }

    @Nested
    class UpdatingProducts {
        @Test
        void anAdminChangesSomeFields() throws Exception {
            Product mug = product("MUG", "Mug", "Kitchen", "12.00", 3);

            Answer answer = send("PATCH", "/api/products/" + mug.id(), "{\"price\":\"14.5\",\"stock\":0,\"name\":\"Big mug\"}", ADMIN);

            assertEquals(200, answer.status(), () -> answer.raw().body());
            JsonNode product = answer.body().path("product");
            assertEquals("14.50", product.path("price").asText());
            assertEquals(0, product.path("stock").asInt());
            assertEquals("Big mug", product.path("name").asText());
            assertEquals("Kitchen", product.path("category").asText());
            assertEquals("MUG", product.path("sku").asText());
            assertEquals("14.50", products.findBySku(new Sku("MUG")).orElseThrow().price().toPlainString());
        }

        @Test
        void anEmptyPatchChangesNothing() throws Exception {
            Product mug = product("MUG", "Mug", "Kitchen", "12.00", 3);

            Answer answer = send("PATCH", "/api/products/" + mug.id(), "{}", ADMIN);

            assertEquals(200, answer.status());
            assertEquals(mug, products.findById(mug.id()).orElseThrow());
        }

        @Test
        void bringsADeactivatedProductBack() throws Exception {
            Product mug = product("MUG", "Mug", "Kitchen", "12.00", 3);
            products.update(mug.deactivate());

            Answer answer = send("PATCH", "/api/products/" + mug.id(), "{\"active\":true}", ADMIN);

            assertEquals(200, answer.status());
            assertEquals(200, get("/api/products/" + mug.id()).status());
        }

        @Test
        void rejectsInvalidValuesAndNulls() throws Exception {
            Product mug = product("MUG", "Mug", "Kitchen", "12.00", 3);

            assertInvalid(send("PATCH", "/api/products/" + mug.id(), "{\"price\":\"-1\",\"name\":\" \"}", ADMIN), "name", "price");
            assertInvalid(send("PATCH", "/api/products/" + mug.id(), "{\"name\":null}", ADMIN), "name");
            assertInvalid(send("PATCH", "/api/products/" + mug.id(), "{\"active\":\"yes\"}", ADMIN), "active");
            assertEquals(mug, products.findById(mug.id()).orElseThrow());
        }

        @Test
        void refusesAnonymousCallersAndCustomers() throws Exception {
            Product mug = product("MUG", "Mug", "Kitchen", "12.00", 3);

            assertProblem(send("PATCH", "/api/products/" + mug.id(), "{\"stock\":1}", null), 401, "/problems/unauthenticated");
            assertProblem(send("PATCH", "/api/products/" + mug.id(), "{\"stock\":1}", CUSTOMER), 403, "/problems/forbidden");
            assertEquals(3, products.findById(mug.id()).orElseThrow().stock());
        }

        @Test
        void anUnknownProductIsNotFound() throws Exception {
            assertProblem(send("PATCH", "/api/products/424242", "{\"stock\":1}", ADMIN), 404, "/problems/not-found");
            assertProblem(send("PATCH", "/api/products/abc", "{\"stock\":1}", ADMIN), 404, "/problems/not-found");
        }

        @Test
        void takingAnotherProductsSkuIsAConflict() throws Exception {
            product("TAKEN", "One", "Misc", "1.00", 1);
            Product other = product("FREE", "Two", "Misc", "1.00", 1);

            Answer answer = send("PATCH", "/api/products/" + other.id(), "{\"sku\":\"taken\"}", ADMIN);

            assertProblem(answer, 409, "/problems/conflict");
            assertEquals("sku", answer.field(0));
        }
    }

    @Nested
    class DeactivatingProducts {
        @Test
        void anAdminHidesAProductWithoutDeletingIt() throws Exception {
            Product mug = product("MUG", "Mug", "Kitchen", "12.00", 3);

            Answer answer = send("DELETE", "/api/products/" + mug.id(), null, ADMIN);

            assertEquals(204, answer.status());
            assertEquals("", answer.raw().body());
            assertProblem(get("/api/products/" + mug.id()), 404, "/problems/not-found");
            assertEquals(List.of(), get("/api/products").skus());
            Optional<Product> kept = products.findById(mug.id());
            assertTrue(kept.isPresent());
            assertFalse(kept.get().active());
            assertEquals(204, send("DELETE", "/api/products/" + mug.id(), null, ADMIN).status());
        }

        @Test
        void refusesAnonymousCallersAndCustomers() throws Exception {
            Product mug = product("MUG", "Mug", "Kitchen", "12.00", 3);

            assertProblem(send("DELETE", "/api/products/" + mug.id(), null, null), 401, "/problems/unauthenticated");
            assertProblem(send("DELETE", "/api/products/" + mug.id(), null, CUSTOMER), 403, "/problems/forbidden");
            assertTrue(products.findById(mug.id()).orElseThrow().active());
        }

        @Test
        void anUnknownProductIsNotFound() throws Exception {
            assertProblem(send("DELETE", "/api/products/424242", null, ADMIN), 404, "/problems/not-found");
            assertProblem(send("DELETE", "/api/products/x1", null, ADMIN), 404, "/problems/not-found");
        }
    }

    @Test
    void aWrongMethodOnAKnownPathIs405WithAllow() throws Exception {
        Answer answer = send("PUT", "/api/products/1", "{}", ADMIN);

        assertProblem(answer, 405, "/problems/method-not-allowed");
        assertEquals("DELETE, GET, OPTIONS, PATCH", answer.raw().headers().firstValue("Allow").orElse(""));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
