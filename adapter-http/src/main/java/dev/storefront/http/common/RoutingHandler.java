package dev.storefront.http.common;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Map;

/**
 * Matches the route on the I/O thread, then runs it on a worker (or the route's own bounded pool):
 * checks the body's type and size, calls the route, writes its answer, and turns every failure
 * into a problem response. Unexpected failures are logged with the request id, never echoed.
 */
public final class RoutingHandler implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(RoutingHandler.class.getName());

    private final Router router;
    private final JsonCodec json;
    private final ProblemWriter writer;
    private final long maxBodyBytes;
    private final PrincipalResolver principals;
    private final ClientAddresses clientAddresses;

    public RoutingHandler(Router router, JsonCodec json, ProblemWriter writer, long maxBodyBytes,
                          PrincipalResolver principals, ClientAddresses clientAddresses) {
        this.router = router;
        this.json = json;
        this.writer = writer;
        this.maxBodyBytes = maxBodyBytes;
        this.principals = principals;
        this.clientAddresses = clientAddresses;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        String method = exchange.getRequestMethod().toString();
        Router.Match match = router.match(method, exchange.getRelativePath());
        if (!match.found()) {
            answerUnrouted(exchange, match);
            return;
        }
        BoundedPool pool = match.route().pool();
        if (pool == null) {
            exchange.dispatch(() -> run(exchange, match));
        } else if (pool.tryAdmit()) {
            exchange.dispatch(pool::run, () -> run(exchange, match));
        } else {
            writer.problem(exchange, Problem.of(ProblemType.UNAVAILABLE, "The server is busy; try again shortly"),
                    Map.of("Retry-After", "1"));
        }
    }

    private void answerUnrouted(HttpServerExchange exchange, Router.Match match) {
        if (!match.pathKnown()) {
            writer.problem(exchange, ProblemType.NOT_FOUND, "No such resource");
            return;
        }
        String allow = String.join(", ", match.allowedMethods());
        exchange.getResponseHeaders().put(Headers.ALLOW, allow);
        if (exchange.getRequestMethod().equals(Methods.OPTIONS)) {
            writer.json(exchange, 204, null);
        } else {
            writer.problem(exchange, ProblemType.METHOD_NOT_ALLOWED,
                    exchange.getRequestMethod() + " is not allowed here; allowed: " + allow);
        }
    }

    private void run(HttpServerExchange exchange, Router.Match match) {
        ApiRequest request = null;
        try {
            exchange.startBlocking();
            byte[] body = readBody(exchange);
            request = new ApiRequest(exchange, match.pathParameters(), json, body, principals, clientAddresses);
            ApiResponse response = match.route().handler().handle(request);
            principals.afterRoute(request);
            response.headers().forEach((name, value) ->
                    exchange.getResponseHeaders().put(HttpString.tryFromString(name), value));
            response.cookies().forEach(exchange::setResponseCookie);
            writer.json(exchange, response.status(), response.body());
        } catch (Throwable failure) {
            afterFailedRoute(request);
            fail(exchange, failure);
        }
    }

    private void afterFailedRoute(ApiRequest request) {
        if (request == null) {
            return;
        }
        try {
            principals.afterRoute(request);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "after-route step failed for request " + RequestIdHandler.of(request.exchange()), e);
        }
    }

    private void fail(HttpServerExchange exchange, Throwable failure) {
        ProblemMapper.Mapped mapped = ProblemMapper.map(failure);
        if (mapped.unexpected()) {
            // Method and path only: a query string may carry what does not belong in a log.
            LOG.log(Level.ERROR, "request " + RequestIdHandler.of(exchange) + " failed: "
                    + exchange.getRequestMethod() + " " + exchange.getRequestPath(), failure);
        }
        if (exchange.isResponseStarted()) {
            exchange.endExchange();
            return;
        }
        writer.problem(exchange, mapped.problem(), mapped.headers());
    }

    /** The body, at most {@code maxBodyBytes} of JSON; an unsafe request's non-JSON body is 415. */
    private byte[] readBody(HttpServerExchange exchange) throws IOException {
        long declared = exchange.getRequestContentLength();
        boolean chunked = exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING);
        if (declared <= 0 && !chunked) {
            return new byte[0];
        }
        if (declared > maxBodyBytes) {
            throw new HttpProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + maxBodyBytes + " bytes");
        }
        if (!isJson(exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE))) {
            throw new HttpProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Request bodies must be application/json");
        }
        InputStream in = exchange.getInputStream();
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes + 1));
        if (body.length > maxBodyBytes) {
            throw new HttpProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + maxBodyBytes + " bytes");
        }
        return body;
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return mediaType.toLowerCase(Locale.ROOT).equals("application/json");
    }
}
