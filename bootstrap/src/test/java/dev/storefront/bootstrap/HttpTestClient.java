package dev.storefront.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The end-to-end tests' HTTP client: JSON bodies, no cookie manager (tests carry {@code SID} by
 * hand and see every cookie flag), answers parsed on demand.
 */
final class HttpTestClient {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    HttpTestClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    record Response(int status, HttpHeaders headers, String body) {
        private static final ObjectMapper JSON = new ObjectMapper();

        /** The body as a JSON tree (a missing node for an empty body). */
        JsonNode json() {
            try {
                return body.isEmpty() ? JSON.missingNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** The {@code field} of every entry of the problem's {@code errors}. */
        List<String> errorFields() {
            return values("errors", "field");
        }

        /** The text of {@code field} in every element of the array {@code arrayField}. */
        List<String> values(String arrayField, String field) {
            List<String> values = new ArrayList<>();
            json().path(arrayField).forEach(item -> values.add(item.path(field).asText()));
            return values;
        }
        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The Set-Cookie header for SID, if any. */
        Optional<String> sidCookie() {
            return headers.allValues("Set-Cookie").stream().filter(c -> c.startsWith("SID=")).findFirst();
        }

        /** The SID value this response set (fails if it set none, or cleared it). */
        String sid() {
            String cookie = sidCookie().orElseThrow(() -> new AssertionError("no SID cookie set: " + headers));
            String value = cookie.substring(4, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';'));
            if (value.isEmpty()) {
                throw new AssertionError("SID was cleared, not set");
            }
            return value;
        }

        boolean clearsSid() {
            return sidCookie().map(c -> c.startsWith("SID=;") && (c.contains("Max-Age=0") || c.contains("1970")))
                    .orElse(false);
        }
    }

    Response send(String method, String path, String json, String sid, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        boolean ownType = false;
        for (int i = 0; i < headers.length; i += 2) {
            ownType |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (json != null && !ownType) {
            request.header("Content-Type", "application/json");
        }
        if (sid != null) {
            request.header("Cookie", "SID=" + sid);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response send(String method, String path, String json) {
        return send(method, path, json, null);
    }

    Response get(String path) {
        return send("GET", path, null, null);
    }

    Response get(String path, String sid) {
        return send("GET", path, null, sid);
    }

    Response post(String path, String json, String sid) {
        return send("POST", path, json, sid);
    }

    HttpClient client() {
        return client;
    }
}
