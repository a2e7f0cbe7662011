package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.bootstrap.HttpTestClient.Response;
import dev.storefront.domain.port.in.account.GrantAdminUseCase.GrantAdminCommand;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The catalog's admin rows with a real login over HTTP: an admin's and a customer's session. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogAdminIT {
    private static final String PASSWORD = "admin secret phrase 5";

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
        assertTrue(login.body().contains("\"role\":\"admin\""), login.body());
        admin = login.sid();
        customer = http.registeredAndLoggedIn(TestServer.uniqueName("buyer"), PASSWORD);
    }

    @AfterAll
    void stop() {
        http.close();
    }

    private static String productJson(String sku) {
        return "{\"sku\":\"" + sku + "\",\"name\":\"Admin kettle\",\"description\":\"Boils\",\"category\":\"Admin\","
                + "\"price\":\"24.90\",\"stock\":4}";
    }

    private Response create(String sku, String sid) {
        return http.post("/api/products", productJson(sku), sid);
    }

    @Test
    void anAdminCreatesUpdatesAndDeactivatesAProduct() {
        Response created = create("ADM-1", admin);
        assertEquals(201, created.status(), created.body());
        long id = created.json().path("product").path("id").asLong();
        assertEquals("/api/products/" + id, created.header("Location").orElse(""));
        assertEquals("24.90", created.json().path("product").path("price").asText());
        assertTrue(created.json().path("product").path("active").asBoolean());

        Response updated = http.send("PATCH", "/api/products/" + id, "{\"price\":19.5,\"stock\":9}", admin);
        assertEquals(200, updated.status(), updated.body());
        assertEquals("19.50", updated.json().path("product").path("price").asText());
        assertEquals(9, updated.json().path("product").path("stock").asInt());
        assertEquals("19.50", http.get("/api/products/" + id, null).json().path("product").path("price").asText());

        Response deleted = http.send("DELETE", "/api/products/" + id, null, admin);
        assertEquals(204, deleted.status());
        assertTrue(deleted.body().isEmpty());
        assertEquals(404, http.get("/api/products/" + id, null).status(), "inactive products are hidden");
    }

    @Test
    void aCustomerIsForbiddenEveryAdminWrite() {
        long id = create("ADM-2", admin).json().path("product").path("id").asLong();

        Response post = create("ADM-3", customer);
        assertEquals(403, post.status());
        assertEquals("/problems/forbidden", post.json().path("type").asText());
        assertEquals(403, http.send("PATCH", "/api/products/" + id, "{\"stock\":1}", customer).status());
        assertEquals(403, http.send("DELETE", "/api/products/" + id, null, customer).status());
        assertEquals(4, http.get("/api/products/" + id, null).json().path("product").path("stock").asInt(),
                "nothing changed");
        assertFalse(http.get("/api/products?category=Admin&pageSize=100", null).json().findValuesAsText("sku")
                .contains("ADM-3"), "the customer's product was not created");
    }

    @Test
    void aDuplicateSkuIsAConflictInAnyCase() {
        assertEquals(201, create("ADM-DUP", admin).status());
        Response duplicate = create("adm-dup", admin);
        assertEquals(409, duplicate.status(), duplicate.body());
        assertEquals("/problems/conflict", duplicate.json().path("type").asText());
    }

    @Test
    void aBadBodyIs400NamingTheFields() {
        Response invalid = http.post("/api/products", "{\"sku\":\"ADM-BAD\",\"name\":\"\",\"category\":\"Admin\","
                + "\"price\":\"1.999\",\"stock\":-1}", admin);
        assertEquals(400, invalid.status(), invalid.body());
        assertEquals("/problems/validation", invalid.json().path("type").asText());
        assertTrue(invalid.errorFields().containsAll(List.of("name", "price", "stock")), invalid.body());
        assertFalse(invalid.errorFields().contains("sku"));

        assertEquals(400, http.post("/api/products", "{not json", admin).status());
        long id = create("ADM-4", admin).json().path("product").path("id").asLong();
        Response badPatch = http.send("PATCH", "/api/products/" + id, "{\"price\":\"-3\"}", admin);
        assertEquals(400, badPatch.status());
        assertEquals(List.of("price"), badPatch.errorFields());
    }

    @Test
    void anUnknownIdIs404ForTheAdmin() {
        assertEquals(404, http.send("PATCH", "/api/products/987654", "{\"stock\":1}", admin).status());
        assertEquals(404, http.send("DELETE", "/api/products/987654", null, admin).status());
        assertEquals(404, http.send("PATCH", "/api/products/abc", "{\"stock\":1}", admin).status());
    }

    @Test
    void withoutALoginAdminWritesAre401() {
        assertEquals(401, create("ADM-5", null).status());
        assertEquals(401, http.send("DELETE", "/api/products/1", null, null).status());
    }
}
