package dev.storefront.http;

import static dev.storefront.http.HttpAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsrfIT {
    private static final String ITEM = "{\"name\":\"pen\",\"count\":1}";
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpRequest.Builder unsafe(String method) {
        HttpRequest.Builder request = server.request("/echo");
        if (method.equals("DELETE")) {
            return request.DELETE();
        }
        return request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(ITEM));
    }

    private static int expectedSuccess(String method) {
        return method.equals("DELETE") ? 204 : 200;
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void unsafeMethodFromForeignOriginIsForbidden(String method) {
        HttpResponse<String> response = server.send(unsafe(method).header("Origin", TestServer.FOREIGN_ORIGIN));

        assertProblem(response, 403, "/problems/forbidden");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void unsafeMethodWithForeignRefererAndNoOriginIsForbidden(String method) {
        HttpResponse<String> response = server.send(unsafe(method).header("Referer", "http://evil.example/attack.html"));

        assertProblem(response, 403, "/problems/forbidden");
    }

    @Test
    void nullOriginIsForbidden() {
        assertProblem(server.send(unsafe("POST").header("Origin", "null")), 403, "/problems/forbidden");
    }

    @Test
    void originOnAnotherPortOfTheSameHostIsForbidden() {
        HttpResponse<String> response = server.send(unsafe("POST").header("Origin", "http://127.0.0.1:1"));

        assertProblem(response, 403, "/problems/forbidden");
    }

    @Test
    void unparsableRefererIsForbidden() {
        assertProblem(server.send(unsafe("POST").header("Referer", "not a url")), 403, "/problems/forbidden");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void ownOriginPasses(String method) {
        HttpResponse<String> response = server.send(unsafe(method).header("Origin", server.ownOrigin()));

        assertEquals(expectedSuccess(method), response.statusCode(), response.body());
    }

    @Test
    void ownRefererPasses() {
        HttpResponse<String> response = server.send(unsafe("POST").header("Referer", server.ownOrigin() + "/shop/cart?x=1"));

        assertEquals(200, response.statusCode(), response.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void allowListedOriginPasses(String method) {
        HttpResponse<String> response = server.send(unsafe(method).header("Origin", TestServer.ALLOWED_ORIGIN));

        assertEquals(expectedSuccess(method), response.statusCode(), response.body());
    }

    /** A browser sends its Origin in normal form; anything else is not the allowed origin. */
    @ParameterizedTest
    @ValueSource(strings = {"HTTP://LOCALHOST:3000", "http://evil.example@localhost:3000", "http://localhost:3000/"})
    void originIsComparedExactly(String origin) {
        assertProblem(server.send(unsafe("POST").header("Origin", origin)), 403, "/problems/forbidden");
    }

    @Test
    void refererWithUserInfoIsForbidden() {
        assertProblem(server.send(unsafe("POST").header("Referer", "http://evil.example@localhost:3000/page")),
                403, "/problems/forbidden");
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "PATCH", "DELETE"})
    void requestWithoutOriginOrRefererPasses(String method) {
        HttpResponse<String> response = server.send(unsafe(method));

        assertEquals(expectedSuccess(method), response.statusCode(), response.body());
    }

    @Test
    void safeMethodFromForeignOriginPasses() {
        HttpResponse<String> response = server.send(server.request("/echo").header("Origin", TestServer.FOREIGN_ORIGIN));

        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void refusedRequestNeverReachesTheRoute() {
        // The route would answer 400 for this body; CSRF answers first.
        HttpResponse<String> response = server.send(server.request("/echo").header("Content-Type", "application/json")
                .header("Origin", TestServer.FOREIGN_ORIGIN).POST(BodyPublishers.ofString("{")));

        assertProblem(response, 403, "/problems/forbidden");
    }
}
