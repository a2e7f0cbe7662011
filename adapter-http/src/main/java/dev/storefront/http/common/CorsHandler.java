package dev.storefront.http.common;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.Optional;

/**
 * CORS for the configured origins only. An {@code Origin} that is exactly one of them (see
 * {@link OriginPolicy}) gets the configured value back with credentials allowed; any other origin
 * gets no {@code Access-Control-Allow-Origin} at all, and {@code *} is never sent. Preflights are
 * answered here: 204 for an allowed origin, 403 otherwise.
 */
public final class CorsHandler implements HttpHandler {
    static final String ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS = "Content-Type, Idempotency-Key, X-Request-Id";
    static final String EXPOSED_HEADERS = "X-Request-Id, Retry-After, Location, Idempotent-Replayed";
    private static final HttpString ALLOW_ORIGIN = HttpString.tryFromString("Access-Control-Allow-Origin");
    private static final HttpString ALLOW_CREDENTIALS = HttpString.tryFromString("Access-Control-Allow-Credentials");
    private static final HttpString ALLOW_METHODS = HttpString.tryFromString("Access-Control-Allow-Methods");
    private static final HttpString ALLOW_HEADERS = HttpString.tryFromString("Access-Control-Allow-Headers");
    private static final HttpString EXPOSE_HEADERS = HttpString.tryFromString("Access-Control-Expose-Headers");
    private static final HttpString MAX_AGE = HttpString.tryFromString("Access-Control-Max-Age");
    private static final HttpString REQUEST_METHOD = HttpString.tryFromString("Access-Control-Request-Method");

    private final OriginPolicy origins;
    private final ProblemWriter writer;
    private final HttpHandler next;

    public CorsHandler(OriginPolicy origins, ProblemWriter writer, HttpHandler next) {
        this.origins = origins;
        this.writer = writer;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        HeaderMap request = exchange.getRequestHeaders();
        HeaderMap response = exchange.getResponseHeaders();
        String origin = request.getFirst(Headers.ORIGIN);
        // The answer depends on Origin, so caches must key on it.
        response.add(Headers.VARY, "Origin");
        Optional<String> allowedOrigin = origins.allowedOrigin(origin);
        boolean allowed = allowedOrigin.isPresent();
        if (allowed) {
            response.put(ALLOW_ORIGIN, allowedOrigin.get());
            response.put(ALLOW_CREDENTIALS, "true");
            response.put(EXPOSE_HEADERS, EXPOSED_HEADERS);
        }
        boolean preflight = exchange.getRequestMethod().equals(Methods.OPTIONS)
                && origin != null && request.contains(REQUEST_METHOD);
        if (!preflight) {
            next.handleRequest(exchange);
            return;
        }
        if (!allowed) {
            writer.problem(exchange, ProblemType.FORBIDDEN, "Origin not allowed");
            return;
        }
        response.put(ALLOW_METHODS, ALLOWED_METHODS);
        response.put(ALLOW_HEADERS, ALLOWED_HEADERS);
        response.put(MAX_AGE, "600");
        writer.json(exchange, 204, null);
    }
}
