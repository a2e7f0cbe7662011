package dev.storefront.http;

import static dev.storefront.http.HttpAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.http.common.RoutingHandler;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UnexpectedFailureIT {
    private static TestServer server;

    /** Held strongly: java.util.logging keeps loggers only weakly. */
    private final Logger routingLog = Logger.getLogger(RoutingHandler.class.getName());
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private boolean usedParentHandlers;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void captureLog() {
        capture.setLevel(Level.ALL);
        routingLog.addHandler(capture);
        // The failure is expected: keep its stack trace out of the build output.
        usedParentHandlers = routingLog.getUseParentHandlers();
        routingLog.setUseParentHandlers(false);
    }

    @AfterEach
    void releaseLog() {
        routingLog.removeHandler(capture);
        routingLog.setUseParentHandlers(usedParentHandlers);
    }

    @Test
    void unexpectedFailureIsGenericProblemWithoutDetails() {
        HttpResponse<String> response = server.send(server.request("/boom"));

        JsonNode problem = assertProblem(response, 500, "/problems/internal");
        String body = response.body();
        assertFalse(body.contains("hunter2"), body);
        assertFalse(body.contains("/srv/secret"), body);
        assertFalse(body.contains("IllegalStateException"), body);
        assertFalse(body.contains("java."), body);
        assertFalse(body.contains("dev.storefront"), body);
        assertFalse(body.contains("\tat ") || body.contains("at dev."), body);
        assertFalse(problem.has("errors"));
        assertEquals(List.of("type", "title", "status", "detail"), fieldNames(problem));
    }

    @Test
    void unexpectedFailureCarriesRequestIdHeader() {
        HttpResponse<String> response = server.send(server.request("/boom"));

        assertEquals(500, response.statusCode());
        assertTrue(response.headers().firstValue("X-Request-Id").orElse("").matches("[A-Za-z0-9._-]{8,64}"),
                response.headers().toString());
    }

    @Test
    void unexpectedFailureIsLoggedWithTheRequestId() {
        HttpResponse<String> response = server.send(server.request("/boom"));
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();

        // The log line is written before the answer is sent, so it is there by now.
        List<LogRecord> matching = records.stream()
                .filter(record -> record.getMessage().contains(requestId))
                .toList();
        assertEquals(1, matching.size(), () -> "log records: " + records.stream().map(LogRecord::getMessage).toList());
        LogRecord record = matching.get(0);
        assertEquals(Level.SEVERE, record.getLevel());
        assertTrue(record.getMessage().contains("GET /boom"), record.getMessage());
        assertTrue(record.getThrown() instanceof IllegalStateException, "the failure itself is logged server-side");
    }

    @Test
    void clientRequestIdIsUsedInTheLogLine() {
        HttpResponse<String> response = server.send(server.request("/boom").header("X-Request-Id", "proxy-id-0042"));

        assertEquals("proxy-id-0042", response.headers().firstValue("X-Request-Id").orElse(null));
        assertTrue(records.stream().anyMatch(record -> record.getMessage().contains("proxy-id-0042")),
                () -> records.stream().map(LogRecord::getMessage).toList().toString());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
