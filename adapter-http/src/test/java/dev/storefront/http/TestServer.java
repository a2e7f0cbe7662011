package dev.storefront.http;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.storefront.domain.common.AccessDeniedException;
import dev.storefront.domain.common.ConflictException;
import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.common.NotAuthenticatedException;
import dev.storefront.domain.common.NotFoundException;
import dev.storefront.domain.common.RateLimitedException;
import dev.storefront.domain.common.ServiceUnavailableException;
import dev.storefront.http.common.ApiResponse;
import dev.storefront.http.common.BoundedPool;
import io.undertow.Undertow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The real HTTP API ({@link HttpApi}) with routes of the tests' own, in an Undertow server on
 * 127.0.0.1 and a free port, plus an HTTP/1.1 client and a raw-socket helper to talk to it.
 */
final class TestServer implements AutoCloseable {
    static final String ALLOWED_ORIGIN = "http://localhost:3000";
    static final String FOREIGN_ORIGIN = "http://evil.example";
    static final int MAX_BODY_BYTES = 1024;
    static final String SECRET = "db-password=hunter2 at /srv/secret/config.properties";
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The body the echo routes read and give back. */
    record Item(String name, int count) {}

    static final class ThingNotFoundException extends NotFoundException {
        ThingNotFoundException() {
            super("No such thing");
        }
    }

    static final class OutOfStockException extends ConflictException {
        OutOfStockException() {
            super("Not enough stock", List.of(new FieldViolation("items[0].productId", "only 2 left",
                    Map.of("requested", 5, "available", 2))));
        }
    }

    /** Entered by the slow route once it holds the bounded pool's only thread. */
    final CountDownLatch slowEntered = new CountDownLatch(1);
    /** Released by a test to let the slow route answer. */
    final CountDownLatch slowRelease = new CountDownLatch(1);

    private final BoundedPool slowPool = new BoundedPool("test-slow", 1, 0);
    private final Undertow undertow;
    private final HttpClient client;
    final int port;

    TestServer() {
        this(List.of(ALLOWED_ORIGIN));
    }

    TestServer(List<String> corsOrigins) {
        RouteGroup routes = router -> {
            router.get("/echo", request -> ApiResponse.ok(Map.of("ok", true)));
            router.post("/echo", request -> ApiResponse.ok(request.body(Item.class)));
            router.put("/echo", request -> ApiResponse.ok(request.body(Item.class)));
            router.patch("/echo", request -> ApiResponse.ok(request.body(Item.class)));
            router.delete("/echo", request -> ApiResponse.noContent());
            router.get("/boom", request -> {
                throw new IllegalStateException(SECRET);
            });
            router.get("/fail/invalid", request -> {
                throw new InvalidInputException("email", "must be a valid email address");
            });
            router.get("/fail/unauthenticated", request -> {
                throw new NotAuthenticatedException("Login required");
            });
            router.get("/fail/forbidden", request -> {
                throw new AccessDeniedException("Admin role required");
            });
            router.get("/fail/not-found", request -> {
                throw new ThingNotFoundException();
            });
            router.get("/fail/conflict", request -> {
                throw new OutOfStockException();
            });
            router.get("/fail/rate-limited/{nanos}", request -> {
                throw new RateLimitedException("Too many attempts",
                        Duration.ofNanos(Long.parseLong(request.pathParameter("nanos"))));
            });
            router.get("/fail/unavailable", request -> {
                throw new ServiceUnavailableException("Database unavailable");
            });
            router.add("GET", "/slow", request -> {
                slowEntered.countDown();
                try {
                    if (!slowRelease.await(30, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("slow route was never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return ApiResponse.ok(Map.of("slow", true));
            }, slowPool);
        };
        HttpSettings settings = new HttpSettings(corsOrigins, false, MAX_BODY_BYTES);
        undertow = Undertow.builder()
                .addHttpListener(0, "127.0.0.1")
                .setHandler(HttpApi.builder(settings).routes(routes).build())
                .build();
        undertow.start();
        port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
        client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .build();
    }

    String ownOrigin() {
        return "http://127.0.0.1:" + port;
    }

    URI uri(String path) {
        return URI.create(ownOrigin() + path);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT);
    }

    HttpRequest.Builder postJson(String path, String json) {
        return request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    java.util.concurrent.CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder request) {
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends bytes as they are (for what HttpClient refuses to send) and reads the whole answer. */
    String raw(String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        slowRelease.countDown();
        undertow.stop();
        slowPool.close();
    }
}
