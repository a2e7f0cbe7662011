package dev.storefront.http.common;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.Set;

/**
 * Refuses unsafe requests that a browser sent from a foreign page: when {@code Origin} (or, without
 * it, {@code Referer}) is present and is neither this server's origin nor an allowed one, 403.
 * Clients that send neither (curl, server-to-server) are not browsers acting for a victim.
 */
public final class CsrfHandler implements HttpHandler {
    private static final Set<HttpString> UNSAFE = Set.of(Methods.POST, Methods.PUT, Methods.PATCH, Methods.DELETE);

    private final OriginPolicy origins;
    private final ProblemWriter writer;
    private final HttpHandler next;

    public CsrfHandler(OriginPolicy origins, ProblemWriter writer, HttpHandler next) {
        this.origins = origins;
        this.writer = writer;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (UNSAFE.contains(exchange.getRequestMethod())) {
            String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
            String referer = exchange.getRequestHeaders().getFirst(Headers.REFERER);
            // A Referer is a whole URL: its origin part counts; an Origin header must be exact.
            String source = origin != null ? origin
                    : referer == null ? null : OriginPolicy.originOfUrl(referer).orElse("");
            if (source != null && !origins.isOwn(source, exchange) && !origins.isAllowed(source)) {
                writer.problem(exchange, ProblemType.FORBIDDEN, "Cross-origin request refused");
                return;
            }
        }
        next.handleRequest(exchange);
    }
}
