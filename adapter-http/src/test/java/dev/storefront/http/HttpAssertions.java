package dev.storefront.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;

final class HttpAssertions {
    private HttpAssertions() {}

    /** An RFC 9457 problem of the given status and type, served as application/problem+json. */
    static JsonNode assertProblem(HttpResponse<String> response, int status, String type) {
        assertEquals(status, response.statusCode(), () -> "status of " + response + ": " + response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(null),
                "problem content type");
        JsonNode body = TestServer.json(response);
        assertEquals(type, body.path("type").asText(), "problem type");
        assertEquals(status, body.path("status").asInt(), "problem status");
        assertTrue(body.path("title").isTextual(), "problem title");
        assertTrue(body.path("detail").isTextual(), "problem detail");
        return body;
    }

    static void assertHeader(HttpResponse<?> response, String name, String expected) {
        assertEquals(expected, response.headers().firstValue(name).orElse(null), name);
    }
}
