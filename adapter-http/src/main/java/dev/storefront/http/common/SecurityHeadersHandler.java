package dev.storefront.http.common;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;

/** The security headers of api.md, set before anything else runs so that error answers carry them too. */
public final class SecurityHeadersHandler implements HttpHandler {
    private static final HttpString X_FRAME_OPTIONS = HttpString.tryFromString("X-Frame-Options");
    private static final HttpString X_CONTENT_TYPE_OPTIONS = HttpString.tryFromString("X-Content-Type-Options");
    private static final HttpString REFERRER_POLICY = HttpString.tryFromString("Referrer-Policy");
    private static final HttpString CONTENT_SECURITY_POLICY = HttpString.tryFromString("Content-Security-Policy");

    private final HttpHandler next;

    public SecurityHeadersHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        HeaderMap headers = exchange.getResponseHeaders();
        headers.put(X_CONTENT_TYPE_OPTIONS, "nosniff");
        headers.put(X_FRAME_OPTIONS, "DENY");
        headers.put(CONTENT_SECURITY_POLICY, "default-src 'none'; frame-ancestors 'none'");
        headers.put(REFERRER_POLICY, "no-referrer");
        // Every answer is per-user or live data: nothing may be stored by a browser or a proxy.
        headers.put(Headers.CACHE_CONTROL, "no-store");
        next.handleRequest(exchange);
    }
}
