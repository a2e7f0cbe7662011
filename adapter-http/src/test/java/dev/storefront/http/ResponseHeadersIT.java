package dev.storefront.http;

import static dev.storefront.http.HttpAssertions.assertHeader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseHeadersIT {
    private static final String ID = "[A-Za-z0-9._-]{8,64}";
    private static TestServer server;
    /** Held strongly while muted: java.util.logging keeps loggers only weakly. */
    private static final Logger ROUTING_LOG = Logger.getLogger(dev.storefront.http.common.RoutingHandler.class.getName());

    @BeforeAll
    static void start() {
        server = new TestServer();
        ROUTING_LOG.setUseParentHandlers(false); // the 500 case is expected; keep its trace out of the output
    }

    @AfterAll
    static void stop() {
        ROUTING_LOG.setUseParentHandlers(true);
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            "success,             GET,     /echo,         -,                     -,    -,                -,                         200",
            "no content,          DELETE,  /echo,         -,                     -,    -,                -,                         204",
            "not found,           GET,     /missing,      -,                     -,    -,                -,                         404",
            "method not allowed,  PUT,     /boom,         -,                     -,    -,                -,                         405",
            "options,             OPTIONS, /echo,         -,                     -,    -,                -,                         204",
            "bad request,         POST,    /echo,         -,                     -,    application/json, '{',                       400",
            "unsupported type,    POST,    /echo,         -,                     -,    text/plain,       'x',                       415",
            "csrf refused,        POST,    /echo,         http://evil.example,   -,    application/json, '{\"name\":\"a\",\"count\":1}', 403",
            "domain conflict,     GET,     /fail/conflict, -,                    -,    -,                -,                         409",
            "server error,        GET,     /boom,         -,                     -,    -,                -,                         500",
            "preflight allowed,   OPTIONS, /echo,         http://localhost:3000, POST, -,                -,                         204",
            "preflight refused,   OPTIONS, /echo,         http://evil.example,   POST, -,                -,                         403",
    })
    void everyResponseCarriesSecurityHeadersAndRequestId(String label, String method, String path, String origin,
                                                          String preflightMethod, String contentType, String body,
                                                          int expectedStatus) {
        HttpRequest.Builder request = server.request(path)
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (preflightMethod != null) {
            request.header("Access-Control-Request-Method", preflightMethod);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }

        HttpResponse<String> response = server.send(request);

        assertEquals(expectedStatus, response.statusCode(), label + ": " + response.body());
        assertTrue(response.headers().firstValue("X-Request-Id").orElse("").matches(ID), label + " X-Request-Id");
        assertHeader(response, "X-Content-Type-Options", "nosniff");
        assertHeader(response, "X-Frame-Options", "DENY");
        assertHeader(response, "Referrer-Policy", "no-referrer");
        assertHeader(response, "Cache-Control", "no-store");
    }

    @Test
    void eachRequestGetsItsOwnId() {
        String first = server.send(server.request("/echo")).headers().firstValue("X-Request-Id").orElseThrow();
        String second = server.send(server.request("/echo")).headers().firstValue("X-Request-Id").orElseThrow();

        assertNotEquals(first, second);
    }

    @Test
    void wellFormedClientRequestIdIsEchoed() {
        HttpResponse<String> response = server.send(server.request("/echo").header("X-Request-Id", "lb-7f3a.9_c-01"));

        assertHeader(response, "X-Request-Id", "lb-7f3a.9_c-01");
    }

    @ParameterizedTest
    @ValueSource(strings = {"has spaces in it", "short", "<script>alert(1)</script>", "id;drop=table-x",
            "0123456789012345678901234567890123456789012345678901234567890123456789"})
    void malformedClientRequestIdIsReplaced(String offered) {
        HttpResponse<String> response = server.send(server.request("/echo").header("X-Request-Id", offered));

        String id = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertNotEquals(offered, id);
        assertTrue(id.matches(ID), id);
    }

    @Test
    void requestIdWithLineBreakIsReplacedNotEchoed() {
        // A folded header line (obs-fold) is the one way to put CR LF into a header value.
        String answer = server.raw("GET /echo HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + server.port + "\r\n"
                + "X-Request-Id: abcdefgh\r\n injected-line\r\n"
                + "Connection: close\r\n\r\n");

        String head = answer.substring(0, Math.max(0, answer.indexOf("\r\n\r\n")));
        assertFalse(head.toLowerCase(Locale.ROOT).contains("injected"), head);
        String id = head.lines().filter(l -> l.toLowerCase(Locale.ROOT).startsWith("x-request-id:"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(null);
        if (answer.startsWith("HTTP/1.1 200")) {
            assertTrue(id != null && id.matches(ID) && !id.equals("abcdefgh"), head);
        } else {
            // Undertow may refuse the folded line outright; then nothing of it may come back either.
            assertTrue(answer.startsWith("HTTP/1.1 400"), head);
        }
    }
}
