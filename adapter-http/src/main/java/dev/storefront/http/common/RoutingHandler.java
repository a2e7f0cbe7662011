package dev.storefront.http.common;

import io.undertow.io.Receiver;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

/**
 * Matches the route and reads the JSON body on the I/O thread (without blocking), runs the route on
 * a worker (or the route's own bounded pool), and sends its answer back on the I/O thread: checks
 * the body's type and size, turns every failure into a problem response, and logs unexpected
 * failures with the request id, never echoing them.
 *
 * <p>Why the answer goes back to the I/O thread: when a worker ends an exchange, Undertow's
 * {@code HttpReadListener} hands the connection back with a compare-and-set that the I/O thread
 * spins on if the next request arrives meanwhile. On 2 cores with more runnable workers than
 * cores, a worker preempted inside that hand-over left the I/O thread spinning for the rest of its
 * time slice: under 16 concurrent cart writers, 180–340 µs of I/O-thread CPU per request against
 * 7 µs for a fast GET (docs/performance.md). Ended on the I/O thread, the hand-over needs no
 * compare-and-set. The JSON is still written on the worker; the I/O thread only sends the bytes.
 *
 * <p>A body must arrive whole within {@link #BODY_DEADLINE} of the request's head, else the
 * connection is closed: read timeouts restart on every byte, so a 64 KiB body trickled a byte every
 * 19 s held a connection for two weeks. The timer is set only when the body did not arrive at once.
 */
public final class RoutingHandler implements HttpHandler {
    private static final System.Logger LOG = System.getLogger(RoutingHandler.class.getName());
    private static final byte[] NO_BODY = new byte[0];
    /** How long a request body may take to arrive, from the end of its headers. */
    public static final Duration BODY_DEADLINE = Duration.ofSeconds(30);

    private final Router router;
    private final JsonCodec json;
    private final ProblemWriter writer;
    private final long maxBodyBytes;
    private final PrincipalResolver principals;
    private final ClientAddresses clientAddresses;
    private final Duration bodyDeadline;

    public RoutingHandler(Router router, JsonCodec json, ProblemWriter writer, long maxBodyBytes,
                          PrincipalResolver principals, ClientAddresses clientAddresses) {
        this(router, json, writer, maxBodyBytes, principals, clientAddresses, BODY_DEADLINE);
    }

    /** With another body deadline (tests make it short). */
    RoutingHandler(Router router, JsonCodec json, ProblemWriter writer, long maxBodyBytes,
                   PrincipalResolver principals, ClientAddresses clientAddresses, Duration bodyDeadline) {
        this.bodyDeadline = bodyDeadline;
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
        long declared = exchange.getRequestContentLength();
        boolean chunked = exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING);
        if (declared <= 0 && !chunked) {
            admit(exchange, match, NO_BODY);
            return;
        }
        if (declared > maxBodyBytes) {
            tooLarge(exchange);
            return;
        }
        if (!isJson(exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE))) {
            writer.problem(exchange, ProblemType.UNSUPPORTED_MEDIA_TYPE, "Request bodies must be application/json");
            return;
        }
        Receiver receiver = exchange.getRequestReceiver();
        receiver.setMaxBufferSize((int) Math.min(Integer.MAX_VALUE - 8, maxBodyBytes));
        // Both callbacks run on the I/O thread, at once when the body has already arrived.
        BodyDeadline deadline = new BodyDeadline(exchange);
        receiver.receiveFullBytes((ex, body) -> {
            if (deadline.arrived()) {
                admit(ex, match, body);
            }
        }, (ex, failure) -> {
            if (deadline.arrived()) {
                bodyFailed(ex, failure);
            }
        });
        deadline.startUnlessArrived(bodyDeadline);
    }

    /**
     * Closes the connection when the body has not arrived by the deadline. Whichever comes first,
     * the body (or its failure) or the timer, wins; the other does nothing.
     */
    private static final class BodyDeadline implements Runnable {
        private final HttpServerExchange exchange;
        private final AtomicBoolean decided = new AtomicBoolean();
        private volatile XnioExecutor.Key timer;

        BodyDeadline(HttpServerExchange exchange) {
            this.exchange = exchange;
        }

        void startUnlessArrived(Duration deadline) {
            if (!decided.get()) {
                timer = exchange.getIoThread().executeAfter(this, deadline.toMillis(), TimeUnit.MILLISECONDS);
                if (decided.get()) {
                    timer.remove(); // arrived meanwhile (a worker thread reading in blocking mode)
                }
            }
        }

        /** The body (or its failure) came before the deadline: go on with it. */
        boolean arrived() {
            if (!decided.compareAndSet(false, true)) {
                return false;
            }
            XnioExecutor.Key started = timer;
            if (started != null) {
                started.remove();
            }
            return true;
        }

        @Override
        public void run() {
            if (decided.compareAndSet(false, true)) {
                LOG.log(Level.DEBUG, () -> "request " + RequestIdHandler.of(exchange) + ": body not complete within the deadline;"
                        + " connection closed");
                IoUtils.safeClose(exchange.getConnection());
            }
        }
    }

    /** Runs the route on its pool, or answers 503 at once when that pool and its queue are full. */
    private void admit(HttpServerExchange exchange, Router.Match match, byte[] body) {
        BoundedPool pool = match.route().pool();
        if (pool == null) {
            exchange.dispatch(() -> run(exchange, match, body));
        } else if (pool.tryAdmit()) {
            exchange.dispatch(pool::run, () -> run(exchange, match, body));
        } else {
            writer.problem(exchange, Problem.of(ProblemType.UNAVAILABLE, "The server is busy; try again shortly"),
                    Map.of("Retry-After", "1"));
        }
    }

    private void bodyFailed(HttpServerExchange exchange, IOException failure) {
        if (failure instanceof Receiver.RequestToLargeException || failure instanceof RequestTooBigException) {
            tooLarge(exchange);
        } else {
            // The client's fault, not the server's: malformed chunking, or a body that broke off (then
            // nobody reads the 400). One debug line; never a stack trace a client can repeat at will.
            LOG.log(Level.DEBUG, () -> "request " + RequestIdHandler.of(exchange) + ": unreadable body: " + failure);
            RequestFramingHandler.refuse(exchange, writer, "The request body could not be read");
        }
    }

    private void tooLarge(HttpServerExchange exchange) {
        writer.problem(exchange, ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than " + maxBodyBytes + " bytes");
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

    /** On a worker: runs the route and serialises its answer, which the I/O thread then sends. */
    private void run(HttpServerExchange exchange, Router.Match match, byte[] body) {
        ApiRequest request = null;
        ProblemWriter.Reply reply;
        try {
            request = new ApiRequest(exchange, match.pathParameters(), json, body, principals, clientAddresses);
            ApiResponse response = match.route().handler().handle(request);
            principals.afterRoute(request);
            ProblemWriter.addHeaders(exchange, response.headers());
            response.cookies().forEach(exchange::setResponseCookie);
            reply = response.contentType() == null ? writer.json(response.status(), response.body())
                    : new ProblemWriter.Reply(response.status(), response.contentType(), (byte[]) response.body());
        } catch (Throwable failure) {
            afterFailedRoute(request);
            reply = failureReply(exchange, failure);
        }
        ProblemWriter.Reply answer = reply;
        exchange.getIoThread().execute(() -> ProblemWriter.send(exchange, answer));
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

    private ProblemWriter.Reply failureReply(HttpServerExchange exchange, Throwable failure) {
        ProblemMapper.Mapped mapped = ProblemMapper.map(failure);
        if (mapped.unexpected()) {
            // Method and path only: a query string may carry what does not belong in a log.
            LOG.log(Level.ERROR, "request " + RequestIdHandler.of(exchange) + " failed: "
                    + exchange.getRequestMethod() + " " + exchange.getRequestPath(), failure);
        }
        ProblemWriter.addHeaders(exchange, mapped.headers());
        return writer.problem(mapped.problem());
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
