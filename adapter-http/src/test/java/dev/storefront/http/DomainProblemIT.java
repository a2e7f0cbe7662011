package dev.storefront.http;

import static dev.storefront.http.HttpAssertions.assertHeader;
import static dev.storefront.http.HttpAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DomainProblemIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(String path) {
        return server.send(server.request(path));
    }

    @Test
    void invalidInputIsBadRequestWithFieldErrors() {
        JsonNode problem = assertProblem(get("/fail/invalid"), 400, "/problems/validation");

        assertEquals("Invalid request", problem.path("title").asText());
        assertEquals("1 field is invalid", problem.path("detail").asText());
        assertEquals(1, problem.path("errors").size());
        assertEquals("email", problem.path("errors").path(0).path("field").asText());
        assertEquals("must be a valid email address", problem.path("errors").path(0).path("message").asText());
    }

    @Test
    void notAuthenticatedIsUnauthorized() {
        JsonNode problem = assertProblem(get("/fail/unauthenticated"), 401, "/problems/unauthenticated");

        assertFalse(problem.has("errors"));
    }

    @Test
    void accessDeniedIsForbidden() {
        assertProblem(get("/fail/forbidden"), 403, "/problems/forbidden");
    }

    @Test
    void notFoundIsNotFound() {
        JsonNode problem = assertProblem(get("/fail/not-found"), 404, "/problems/not-found");

        assertEquals("No such thing", problem.path("detail").asText());
    }

    @Test
    void conflictIsConflictWithFieldErrorsAndTheirDetails() {
        JsonNode problem = assertProblem(get("/fail/conflict"), 409, "/problems/conflict");

        JsonNode error = problem.path("errors").path(0);
        assertEquals("items[0].productId", error.path("field").asText());
        assertEquals("only 2 left", error.path("message").asText());
        assertEquals(5, error.path("requested").asInt());
        assertEquals(2, error.path("available").asInt());
    }

    @ParameterizedTest(name = "{0} ns -> Retry-After: {1}")
    @CsvSource({
            "1500000000, 2",     // 1.5 s
            "2000000000, 2",     // exactly 2 s
            "1000000001, 2",     // a nanosecond over 1 s still means waiting into the 2nd second
            "1, 1",
            "0, 1",
            "900000000000, 900"  // the 15-minute cap of the login throttle
    })
    void rateLimitedIsTooManyRequestsWithRetryAfterInWholeSecondsRoundedUp(long nanos, String seconds) {
        HttpResponse<String> response = get("/fail/rate-limited/" + nanos);

        assertProblem(response, 429, "/problems/rate-limited");
        assertHeader(response, "Retry-After", seconds);
    }

    @Test
    void serviceUnavailableIsUnavailableWithRetryAfter() {
        HttpResponse<String> response = get("/fail/unavailable");

        assertProblem(response, 503, "/problems/unavailable");
        assertHeader(response, "Retry-After", "1");
    }
}
