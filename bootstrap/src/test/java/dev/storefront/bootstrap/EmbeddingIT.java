package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.in.health.CheckHealthUseCase.HealthStatus;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import dev.storefront.bootstrap.HttpTestClient.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/** An application embeds Storefront: its own Undertow server, its own routes, Storefront mounted inside. */
class EmbeddingIT {
    @TempDir
    Path dir;

    @Test
    void hostApplicationMountsTheStorefrontHandlerBesideItsOwnRoutes() {
        try (Storefront storefront = Storefront.builder()
                .databaseUrl("jdbc:sqlite:" + dir.resolve("embedded.db"))
                .build()) {
            Undertow host = Undertow.builder()
                    .addHttpListener(0, "127.0.0.1")
                    .setHandler(Handlers.path()
                            .addExactPath("/hello", exchange -> {
                                exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
                                exchange.getResponseSender().send("host app");
                            })
                            .addPrefixPath("/shop", storefront.httpHandler()))
                    .build();
            host.start();
            try {
                int port = ((InetSocketAddress) host.getListenerInfo().get(0).getAddress()).getPort();
                HttpTestClient http = new HttpTestClient(port);

                Response health = http.get("/shop/health");
                assertEquals(200, health.status());
                assertEquals("{\"status\":\"UP\",\"database\":\"sqlite\"}", health.body());
                assertNotNull(health.header("X-Request-Id").orElse(null));

                Response unknown = http.get("/shop/api/nope");
                assertEquals(404, unknown.status());
                assertEquals("application/problem+json", unknown.header("Content-Type").orElseThrow());

                assertEquals("host app", http.get("/hello").body());
                assertEquals(HealthStatus.UP, storefront.checkHealth().checkHealth());
            } finally {
                host.stop();
            }
        }
        assertTrue(Files.exists(dir.resolve("embedded.db")));
    }

    @Test
    void aHostOwnedDataSourceIsMigratedButNotClosed() throws Exception {
        SQLiteDataSource hostDataSource = new SQLiteDataSource();
        hostDataSource.setUrl("jdbc:sqlite:" + dir.resolve("host.db"));
        try (Storefront storefront = Storefront.builder().dataSource(hostDataSource).build()) {
            assertEquals(HealthStatus.UP, storefront.checkHealth().checkHealth());
        }
        try (Connection connection = hostDataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet applied = statement.executeQuery("SELECT count(*) FROM schema_version")) {
            assertTrue(applied.next());
            assertTrue(applied.getInt(1) >= 1, "Storefront's migrations ran on the host's database");
        }
    }

    @Test
    void closingTheFacadeClosesItsOwnPool() {
        Storefront storefront = Storefront.builder().databaseUrl("jdbc:sqlite:" + dir.resolve("closed.db")).build();
        assertEquals(HealthStatus.UP, storefront.checkHealth().checkHealth());
        storefront.close();
        assertEquals(HealthStatus.DOWN, storefront.checkHealth().checkHealth());
    }

    @Test
    void aDatabaseSetUpInOneCurrencyRefusesAnother() {
        String url = "jdbc:sqlite:" + dir.resolve("currency.db");
        Storefront.builder().databaseUrl(url).build().close();
        StorefrontConfig euro = StorefrontConfig.from(java.util.Map.of("CURRENCY", "EUR"), new String[0]).config();
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> Storefront.builder().config(euro).databaseUrl(url).build());
        assertTrue(refused.getMessage().contains("USD"), refused.getMessage());
    }
}
