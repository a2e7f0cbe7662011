package dev.storefront.http;

import static dev.storefront.http.HttpAssertions.assertHeader;
import static dev.storefront.http.HttpAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorsIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpRequest.Builder preflight(String origin, String method) {
        return server.request("/echo")
                .method("OPTIONS", BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "content-type");
    }

    private static Set<String> listHeader(HttpResponse<?> response, String name) {
        return response.headers().allValues(name).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .collect(Collectors.toSet());
    }

    @Test
    void allowedOriginGetsItselfBackWithCredentials() {
        HttpResponse<String> response = server.send(server.request("/echo").header("Origin", TestServer.ALLOWED_ORIGIN));

        assertEquals(200, response.statusCode());
        assertHeader(response, "Access-Control-Allow-Origin", TestServer.ALLOWED_ORIGIN);
        assertHeader(response, "Access-Control-Allow-Credentials", "true");
        assertHeader(response, "Access-Control-Expose-Headers", "X-Request-Id, Retry-After, Location, Idempotent-Replayed");
        assertTrue(listHeader(response, "Vary").contains("Origin"), response.headers().toString());
    }

    @Test
    void allowedOriginGetsCorsHeadersOnErrorsToo() {
        HttpResponse<String> response = server.send(server.request("/fail/not-found").header("Origin", TestServer.ALLOWED_ORIGIN));

        assertEquals(404, response.statusCode());
        assertHeader(response, "Access-Control-Allow-Origin", TestServer.ALLOWED_ORIGIN);
        assertHeader(response, "Access-Control-Allow-Credentials", "true");
    }

    @Test
    void disallowedOriginNeverGetsAllowOrigin() {
        for (String path : List.of("/echo", "/missing", "/fail/not-found")) {
            HttpResponse<String> response = server.send(server.request(path).header("Origin", TestServer.FOREIGN_ORIGIN));

            assertFalse(response.headers().firstValue("Access-Control-Allow-Origin").isPresent(), path);
            assertFalse(response.headers().firstValue("Access-Control-Allow-Credentials").isPresent(), path);
            assertTrue(listHeader(response, "Vary").contains("Origin"), "Vary: Origin on " + path);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "null", "http://localhost:3000.evil.example", "http://localhost:30000",
            "https://localhost:3000", "http://evil.example/http://localhost:3000"})
    void wildcardIsNeverSent(String origin) {
        HttpResponse<String> response = server.send(server.request("/echo").header("Origin", origin));

        assertEquals(200, response.statusCode());
        assertFalse(response.headers().firstValue("Access-Control-Allow-Origin").isPresent(),
                () -> origin + " got " + response.headers().allValues("Access-Control-Allow-Origin"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.example@localhost:3000", "HTTP://LOCALHOST:3000", "http://localhost:3000/",
            "http://localhost:3000/path", "http://localhost:3000?x"})
    void originThatOnlyNormalisesToAnAllowedOneGetsNoCorsHeaders(String origin) {
        HttpResponse<String> response = server.send(server.request("/echo").header("Origin", origin));

        assertEquals(200, response.statusCode());
        assertFalse(response.headers().firstValue("Access-Control-Allow-Origin").isPresent(),
                () -> origin + " got " + response.headers().allValues("Access-Control-Allow-Origin"));
        assertFalse(response.headers().firstValue("Access-Control-Allow-Credentials").isPresent(), origin);
    }

    @Test
    void allowedOriginIsEchoedAsConfiguredNotAsSent() {
        try (TestServer configured = new TestServer(List.of("HTTP://Shop.Example:80"))) {
            HttpResponse<String> response = configured.send(configured.request("/echo").header("Origin", "http://shop.example"));

            assertHeader(response, "Access-Control-Allow-Origin", "http://shop.example");
        }
    }

    @Test
    void wildcardCannotBeConfigured() {
        HttpApi.Builder builder = HttpApi.builder(new HttpSettings(List.of("*"), false, 1024));

        assertThrows(IllegalArgumentException.class, builder::build);
    }

    @Test
    void requestWithoutOriginGetsNoCorsHeaders() {
        HttpResponse<String> response = server.send(server.request("/echo"));

        assertFalse(response.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    @Test
    void preflightFromAllowedOriginIsNoContentWithMethodsAndHeaders() {
        HttpResponse<String> response = server.send(preflight(TestServer.ALLOWED_ORIGIN, "POST"));

        assertEquals(204, response.statusCode());
        assertEquals("", response.body());
        assertHeader(response, "Access-Control-Allow-Origin", TestServer.ALLOWED_ORIGIN);
        assertHeader(response, "Access-Control-Allow-Credentials", "true");
        assertTrue(listHeader(response, "Access-Control-Allow-Methods").containsAll(
                Set.of("GET", "POST", "PUT", "PATCH", "DELETE")), response.headers().toString());
        assertTrue(listHeader(response, "Access-Control-Allow-Headers").stream()
                .anyMatch(h -> h.equalsIgnoreCase("Content-Type")), response.headers().toString());
        assertTrue(listHeader(response, "Vary").contains("Origin"));
    }

    @Test
    void preflightFromDisallowedOriginIsForbiddenWithoutAllowOrigin() {
        HttpResponse<String> response = server.send(preflight(TestServer.FOREIGN_ORIGIN, "POST"));

        assertProblem(response, 403, "/problems/forbidden");
        assertFalse(response.headers().firstValue("Access-Control-Allow-Origin").isPresent());
        assertFalse(response.headers().firstValue("Access-Control-Allow-Methods").isPresent());
    }
}
