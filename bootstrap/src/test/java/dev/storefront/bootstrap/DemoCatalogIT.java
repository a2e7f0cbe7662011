package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.bootstrap.HttpTestClient.Response;
import dev.storefront.bootstrap.server.StorefrontServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo catalog: loaded on the first start with an empty database, never twice, and not when turned off. */
class DemoCatalogIT {
    @TempDir
    Path dataDir;

    private static List<JsonNode> allProducts(HttpTestClient http) throws Exception {
        Response answer = http.get("/api/products?pageSize=100");
        assertEquals(200, answer.status());
        List<JsonNode> items = new ArrayList<>();
        answer.json().path("items").forEach(items::add);
        return items;
    }

    @Test
    void theFirstStartWithAnEmptyDatabaseShowsARealShop() throws Exception {
        try (StorefrontServer server = StorefrontServer.start(TestConfigs.config(dataDir))) {
            HttpTestClient http = new HttpTestClient(server.port());

            List<JsonNode> products = allProducts(http);
            assertTrue(products.size() >= 30, "a few dozen products: " + products.size());
            assertTrue(http.get("/api/categories").json().path("items").size() >= 5);
            assertTrue(products.stream().anyMatch(p -> new BigDecimal(p.path("price").asText()).compareTo(BigDecimal.TEN) < 0));
            assertTrue(products.stream().anyMatch(p -> new BigDecimal(p.path("price").asText()).compareTo(new BigDecimal("100")) > 0));
            assertTrue(products.stream().filter(p -> p.path("stock").asInt() == 0).count() >= 2);
            assertTrue(products.stream().allMatch(p -> p.path("price").asText().matches("\\d+\\.\\d\\d")));
            assertTrue(products.stream().allMatch(p -> p.path("description").asText().length() > 20));
            for (JsonNode product : products) {
                // One picture each, served by this server itself.
                assertEquals(1, product.path("images").size(), product.toString());
                String image = product.path("images").get(0).asText();
                assertTrue(image.matches("/images/demo/[a-z0-9-]+\\.svg"), image);
                Response svg = http.get(image);
                assertEquals(200, svg.status(), image);
                assertEquals("image/svg+xml", svg.header("Content-Type").orElse(""), image);
                assertTrue(svg.body().startsWith("<svg ") && svg.body().length() < 1024, image + ": " + svg.body());
            }

            // Two shipping methods, shipping everywhere (so to any country).
            Response methods = http.get("/api/shipping-methods?country=JP");
            assertEquals(200, methods.status(), methods.body());
            String currency = server.storefront().config().currency().getCurrencyCode();
            assertEquals("{\"items\":[{\"code\":\"express\",\"name\":\"Express shipping\",\"price\":\"14.90\","
                    + "\"currency\":\"" + currency + "\",\"freeOver\":null,\"countries\":[],\"active\":true},"
                    + "{\"code\":\"standard\",\"name\":\"Standard shipping\",\"price\":\"4.90\",\"currency\":\""
                    + currency + "\",\"freeOver\":\"50.00\",\"countries\":[],\"active\":true}]}", methods.body());
        }
    }

    @Test
    void aRestartDoesNotLoadItAgainNorOverwriteChanges() throws Exception {
        long total;
        try (StorefrontServer server = StorefrontServer.start(TestConfigs.config(dataDir))) {
            HttpTestClient http = new HttpTestClient(server.port());
            total = http.get("/api/products").json().path("total").asLong();
            long first = allProducts(http).get(0).path("id").asLong();
            server.storefront().catalog().deactivateProduct().deactivateProduct(new dev.storefront.domain.catalog.ProductId(first));
            server.storefront().shipping().deactivateShippingMethod().deactivateShippingMethod(
                    new dev.storefront.domain.shipping.ShippingMethodCode("express"));
        }
        try (StorefrontServer server = StorefrontServer.start(TestConfigs.config(dataDir))) {
            HttpTestClient http = new HttpTestClient(server.port());
            assertEquals(total - 1, http.get("/api/products").json().path("total").asLong());
            assertEquals(List.of("standard"), http.get("/api/shipping-methods").json().findValuesAsText("code"),
                    "the admin's deactivation stands");
            assertEquals(2, server.storefront().shipping().listAllShippingMethods().listAllShippingMethods().size());
        }
    }

    @Test
    void demoCatalogFalseLeavesTheShopEmpty() throws Exception {
        try (StorefrontServer server = StorefrontServer.start(TestConfigs.config(dataDir, "DEMO_CATALOG", "false"))) {
            HttpTestClient http = new HttpTestClient(server.port());

            assertEquals(0, http.get("/api/products").json().path("total").asLong());
            assertEquals(0, http.get("/api/categories").json().path("items").size());
            assertEquals(0, http.get("/api/shipping-methods").json().path("items").size(), "no shipping methods either");
        }
    }
}
