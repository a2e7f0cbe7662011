package dev.storefront.http;

import static dev.storefront.http.HttpAssertions.assertHeader;
import static dev.storefront.http.HttpAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RoutingIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void unknownPathIsNotFoundProblem() {
        HttpResponse<String> response = server.send(server.request("/no/such/thing"));

        JsonNode problem = assertProblem(response, 404, "/problems/not-found");
        assertFalse(problem.has("errors"), "errors only appear for field-level problems");
    }

    @Test
    void trailingSlashIsAnotherPath() {
        assertProblem(server.send(server.request("/echo/")), 404, "/problems/not-found");
    }

    @Test
    void knownPathWithWrongMethodIsMethodNotAllowedWithAllow() {
        HttpResponse<String> response = server.send(server.request("/boom").DELETE());

        assertProblem(response, 405, "/problems/method-not-allowed");
        assertHeader(response, "Allow", "GET, OPTIONS");
    }

    @Test
    void allowListsEveryMethodOfThePath() {
        HttpResponse<String> response = server.send(server.request("/echo").method("TRACE", BodyPublishers.noBody()));

        assertProblem(response, 405, "/problems/method-not-allowed");
        assertHeader(response, "Allow", "DELETE, GET, OPTIONS, PATCH, POST, PUT");
    }

    @Test
    void optionsOnKnownPathIsNoContentWithAllow() {
        HttpResponse<String> response = server.send(server.request("/boom").method("OPTIONS", BodyPublishers.noBody()));

        assertEquals(204, response.statusCode());
        assertHeader(response, "Allow", "GET, OPTIONS");
        assertEquals("", response.body());
    }

    @Test
    void optionsOnUnknownPathIsNotFound() {
        HttpResponse<String> response = server.send(server.request("/nowhere").method("OPTIONS", BodyPublishers.noBody()));

        assertProblem(response, 404, "/problems/not-found");
    }

    @Test
    void successIsJsonWithUtf8Charset() {
        HttpResponse<String> response = server.send(server.request("/echo"));

        assertEquals(200, response.statusCode());
        assertHeader(response, "Content-Type", "application/json; charset=utf-8");
        assertEquals(true, TestServer.json(response).path("ok").asBoolean());
    }
}
