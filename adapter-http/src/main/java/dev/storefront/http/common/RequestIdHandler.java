package dev.storefront.http.common;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HttpString;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id, returned in {@code X-Request-Id} and written into the log
 * line of any failure. A well-formed id sent by the client (a proxy's, say) is kept; anything else
 * is replaced, so the header cannot carry text into the log.
 */
public final class RequestIdHandler implements HttpHandler {
    public static final HttpString HEADER = HttpString.tryFromString("X-Request-Id");
    public static final AttachmentKey<String> KEY = AttachmentKey.create(String.class);
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private final HttpHandler next;

    public RequestIdHandler(HttpHandler next) {
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        String offered = exchange.getRequestHeaders().getFirst(HEADER);
        String id = offered != null && ACCEPTED.matcher(offered).matches() ? offered : newId();
        exchange.putAttachment(KEY, id);
        exchange.getResponseHeaders().put(HEADER, id);
        next.handleRequest(exchange);
    }

    static String newId() {
        // A correlation id needs uniqueness, not secrecy: a fast random source is enough.
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
    }

    public static String of(HttpServerExchange exchange) {
        String id = exchange.getAttachment(KEY);
        return id == null ? "-" : id;
    }
}
