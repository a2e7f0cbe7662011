package dev.storefront.bootstrap.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hostile client: raw byte bodies, any content type or none, chunked bodies, headers by hand, no
 * cookie manager. Every request it sends is counted (the suite reports how many it tried).
 */
final class Http {
    static final AtomicLong SENT = new AtomicLong();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    final String base;

    Http(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    record Answer(int status, HttpHeaders headers, byte[] bytes) {
        String body() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return bytes.length == 0 ? JSON.missingNode() : JSON.readTree(bytes);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body(), e);
            }
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        String contentType() {
            return header("Content-Type").orElse("");
        }

        Optional<String> sidCookie() {
            return headers.allValues("Set-Cookie").stream().filter(c -> c.startsWith("SID=")).findFirst();
        }

        /** The SID this answer set; fails when it set none or cleared it. */
        String sid() {
            String cookie = sidCookie().orElseThrow(() -> new AssertionError("no SID set (" + status + "): " + body()));
            int end = cookie.indexOf(';');
            String value = cookie.substring(4, end < 0 ? cookie.length() : end);
            if (value.isEmpty()) {
                throw new AssertionError("SID was cleared, not set");
            }
            return value;
        }

        boolean clearsSid() {
            return sidCookie().map(c -> c.startsWith("SID=;")).orElse(false);
        }

        @Override
        public String toString() {
            return status + " " + headers.map() + " " + body();
        }
    }

    /** A request under construction. */
    final class Call {
        private final String method;
        private final String target;
        private byte[] body;
        private String contentType = "application/json";
        private boolean chunked;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Call(String method, String target) {
            this.method = method;
            this.target = target;
        }

        Call json(String json) {
            return bytes(json.getBytes(StandardCharsets.UTF_8));
        }

        Call bytes(byte[] bytes) {
            this.body = bytes;
            return this;
        }

        /** {@code null}: send the body without any Content-Type. */
        Call contentType(String type) {
            this.contentType = type;
            return this;
        }

        /** Send the body with Transfer-Encoding: chunked (no Content-Length). */
        Call chunked() {
            this.chunked = true;
            return this;
        }

        Call sid(String sid) {
            if (sid != null) {
                headers.put("Cookie", "SID=" + sid);
            }
            return this;
        }

        Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Answer send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + target))
                    .timeout(Duration.ofSeconds(30));
            if (body != null && contentType != null) {
                request.header("Content-Type", contentType);
            }
            headers.forEach(request::header);
            HttpRequest.BodyPublisher publisher;
            if (body == null) {
                publisher = HttpRequest.BodyPublishers.noBody();
            } else if (chunked) {
                byte[] copy = body;
                publisher = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(copy));
            } else {
                publisher = HttpRequest.BodyPublishers.ofByteArray(body);
            }
            request.method(method, publisher);
            SENT.incrementAndGet();
            try {
                HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                return new Answer(response.statusCode(), response.headers(), response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(method + " " + target, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    Call call(String method, String target) {
        return new Call(method, target);
    }

    Answer get(String target, String sid) {
        return call("GET", target).sid(sid).send();
    }

    Answer post(String target, String json, String sid) {
        Call call = call("POST", target).sid(sid);
        return (json == null ? call : call.json(json)).send();
    }

    Answer send(String method, String target, String json, String sid) {
        Call call = call(method, target).sid(sid);
        return (json == null ? call : call.json(json)).send();
    }

    /** JSON string literal of {@code text}. */
    static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
