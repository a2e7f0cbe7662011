package dev.storefront.http;

import static dev.storefront.http.HttpAssertions.assertHeader;
import static dev.storefront.http.HttpAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BoundedPoolIT {
    private TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void fullPoolAnswersUnavailableAtOnceWhileOtherRoutesStillAnswer() throws Exception {
        CompletableFuture<HttpResponse<String>> first = server.sendAsync(server.request("/slow"));
        assertTrue(server.slowEntered.await(10, TimeUnit.SECONDS), "the first request holds the pool's only thread");

        // The pool (1 thread, 0 waiting) is full: no queueing, an answer at once (the short timeout
        // would fail the request if it waited for the latch).
        HttpResponse<String> refused = server.send(server.request("/slow").timeout(Duration.ofSeconds(3)));
        assertProblem(refused, 503, "/problems/unavailable");
        assertHeader(refused, "Retry-After", "1");
        assertTrue(refused.headers().firstValue("X-Request-Id").isPresent());

        HttpResponse<String> other = server.send(server.request("/echo").timeout(Duration.ofSeconds(3)));
        assertEquals(200, other.statusCode(), "a route on the default workers is not starved");

        assertTrue(!first.isDone(), "the first request is still being served");
        server.slowRelease.countDown();
        assertEquals(200, first.get(10, TimeUnit.SECONDS).statusCode());
    }
}
