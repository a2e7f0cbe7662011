package dev.storefront.http.common;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;

/**
 * Refuses a request whose body framing another HTTP parser could read differently: a
 * {@code Transfer-Encoding} other than exactly {@code chunked} (any case), or given more than once.
 * A proxy in front that framed such a body by other rules would see the rest of it as a request
 * of its own (request smuggling). The answer is a 400 and the connection is closed, since where
 * this request's body ends is exactly what cannot be trusted. ({@code Transfer-Encoding} with
 * {@code Content-Length} Undertow refuses by itself.)
 */
public final class RequestFramingHandler implements HttpHandler {
    private static final String CHUNKED = "chunked";

    private final ProblemWriter writer;
    private final HttpHandler next;

    public RequestFramingHandler(ProblemWriter writer, HttpHandler next) {
        this.writer = writer;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        HeaderValues encodings = exchange.getRequestHeaders().get(Headers.TRANSFER_ENCODING);
        if (encodings != null && (encodings.size() != 1 || !encodings.getFirst().trim().equalsIgnoreCase(CHUNKED))) {
            refuse(exchange, writer, "Transfer-Encoding must be exactly chunked, given once");
            return;
        }
        next.handleRequest(exchange);
    }

    /** A 400 after which the connection closes: the rest of its bytes cannot be framed safely. */
    static void refuse(HttpServerExchange exchange, ProblemWriter writer, String detail) {
        exchange.setPersistent(false);
        writer.problem(exchange, ProblemType.MALFORMED_REQUEST, detail);
    }
}
