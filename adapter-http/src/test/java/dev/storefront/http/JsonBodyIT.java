package dev.storefront.http;

import static dev.storefront.http.HttpAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JsonBodyIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> post(String contentType, String body) {
        HttpRequest.Builder request = server.request("/echo").POST(BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return server.send(request);
    }

    /** A valid item whose JSON is exactly {@code size} bytes long. */
    private static String itemOfSize(int size) {
        String prefix = "{\"count\":1,\"name\":\"";
        String suffix = "\"}";
        return prefix + "x".repeat(size - prefix.length() - suffix.length()) + suffix;
    }

    private static HttpResponse<String> postChunked(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // An input stream publisher has no length: HttpClient sends Transfer-Encoding: chunked.
        return server.send(server.request("/echo").header("Content-Type", "application/json")
                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
    }

    @Test
    void validBodyIsReadAndEchoed() {
        HttpResponse<String> response = post("application/json", "{\"name\":\"pen\",\"count\":3}");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = TestServer.json(response);
        assertEquals("pen", body.path("name").asText());
        assertEquals(3, body.path("count").asInt());
    }

    @Test
    void malformedJsonIsBadRequest() {
        assertProblem(post("application/json", "{\"name\":\"pen\",\"count\":"), 400, "/problems/malformed-request");
    }

    @Test
    void wrongJsonTypeIsBadRequestNamingTheField() {
        JsonNode problem = assertProblem(post("application/json", "{\"name\":\"pen\",\"count\":\"3\"}"),
                400, "/problems/validation");

        assertEquals(1, problem.path("errors").size(), problem.toString());
        assertEquals("count", problem.path("errors").path(0).path("field").asText());
        assertEquals(true, problem.path("errors").path(0).path("message").isTextual());
    }

    @Test
    void numberForStringIsBadRequestNamingTheField() {
        JsonNode problem = assertProblem(post("application/json", "{\"name\":5,\"count\":3}"),
                400, "/problems/validation");

        assertEquals("name", problem.path("errors").path(0).path("field").asText());
    }

    @Test
    void duplicateKeysAreBadRequest() {
        HttpResponse<String> response = post("application/json", "{\"name\":\"pen\",\"count\":1,\"count\":2}");

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(null));
    }

    @Test
    void deepNestingIsBadRequest() {
        String deep = "[".repeat(200) + "]".repeat(200);
        HttpResponse<String> response = post("application/json", "{\"name\":\"pen\",\"count\":1,\"extra\":" + deep + "}");

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(null));
    }

    @Test
    void trailingGarbageIsBadRequest() {
        assertProblem(post("application/json", "{\"name\":\"pen\",\"count\":1} x"), 400, "/problems/malformed-request");
        assertProblem(post("application/json", "{\"name\":\"pen\",\"count\":1}{}"), 400, "/problems/malformed-request");
    }

    @Test
    void emptyBodyWhereOneIsRequiredIsBadRequest() {
        assertProblem(post("application/json", ""), 400, "/problems/malformed-request");
    }

    @Test
    void jsonNullBodyIsBadRequest() {
        assertProblem(post("application/json", "null"), 400, "/problems/malformed-request");
    }

    @Test
    void bodyAtTheLimitIsAccepted() {
        HttpResponse<String> response = post("application/json", itemOfSize(TestServer.MAX_BODY_BYTES));

        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void bodyOverTheLimitWithContentLengthIsPayloadTooLarge() {
        assertProblem(post("application/json", itemOfSize(TestServer.MAX_BODY_BYTES + 1)),
                413, "/problems/payload-too-large");
    }

    @Test
    void chunkedBodyOverTheLimitIsPayloadTooLarge() {
        assertProblem(postChunked(itemOfSize(TestServer.MAX_BODY_BYTES + 1)), 413, "/problems/payload-too-large");
    }

    @Test
    void chunkedBodyWithinTheLimitIsRead() {
        HttpResponse<String> response = postChunked(itemOfSize(TestServer.MAX_BODY_BYTES));

        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void nonJsonContentTypeIsUnsupportedMediaType() {
        assertProblem(post("text/plain", "{\"name\":\"pen\",\"count\":1}"), 415, "/problems/unsupported-media-type");
        assertProblem(post("application/x-www-form-urlencoded", "name=pen&count=1"),
                415, "/problems/unsupported-media-type");
        assertProblem(post("application/jsonp", "{\"name\":\"pen\",\"count\":1}"),
                415, "/problems/unsupported-media-type");
    }

    @Test
    void bodyWithoutContentTypeIsUnsupportedMediaType() {
        assertProblem(post(null, "{\"name\":\"pen\",\"count\":1}"), 415, "/problems/unsupported-media-type");
    }

    @Test
    void jsonWithCharsetParameterIsAccepted() {
        assertEquals(200, post("application/json; charset=utf-8", "{\"name\":\"pen\",\"count\":1}").statusCode());
        assertEquals(200, post("Application/JSON;charset=UTF-8", "{\"name\":\"pen\",\"count\":1}").statusCode());
    }

    @Test
    void unknownFieldsAreIgnored() {
        HttpResponse<String> response = post("application/json",
                "{\"name\":\"pen\",\"count\":2,\"colour\":\"red\",\"extra\":{\"nested\":[1,2]}}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("pen", TestServer.json(response).path("name").asText());
    }

    @Test
    void utf8BodyIsDecodedAsUtf8() {
        HttpResponse<String> response = post("application/json", "{\"name\":\"Crème brûlée ☕\",\"count\":1}");

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("Crème brûlée ☕", TestServer.json(response).path("name").asText());
    }
}
