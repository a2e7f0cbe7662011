package dev.storefront.http.common;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * Writes JSON and problem bodies. Safe on an I/O thread: it never blocks. A body can be serialised
 * as a {@link Reply} on one thread and sent on another (see {@link RoutingHandler}).
 */
public final class ProblemWriter {
    static final String JSON = "application/json; charset=utf-8";
    static final String PROBLEM_JSON = "application/problem+json";

    /** A serialised answer: status, content type and body ({@code null} type and body: no content). */
    public record Reply(int status, String contentType, byte[] body) {
        static Reply empty(int status) {
            return new Reply(status, null, null);
        }
    }

    private final JsonCodec json;

    public ProblemWriter(JsonCodec json) {
        this.json = json;
    }

    public void problem(HttpServerExchange exchange, Problem problem, Map<String, String> headers) {
        addHeaders(exchange, headers);
        send(exchange, problem(problem));
    }

    public void problem(HttpServerExchange exchange, ProblemType type, String detail) {
        problem(exchange, Problem.of(type, detail), Map.of());
    }

    public void json(HttpServerExchange exchange, int status, Object body) {
        send(exchange, json(status, body));
    }

    /** The problem's body, serialised; its headers are the caller's to set. */
    Reply problem(Problem problem) {
        return new Reply(problem.status(), PROBLEM_JSON, json.write(problem));
    }

    /** A JSON body, serialised; {@code null} is an answer without content. */
    Reply json(int status, Object body) {
        return body == null ? Reply.empty(status) : new Reply(status, JSON, json.write(body));
    }

    static void addHeaders(HttpServerExchange exchange, Map<String, String> headers) {
        headers.forEach((name, value) -> exchange.getResponseHeaders().put(HttpString.tryFromString(name), value));
    }

    /** Sends a reply and ends the exchange (through Undertow's non-blocking sender: never blocks). */
    static void send(HttpServerExchange exchange, Reply reply) {
        exchange.setStatusCode(reply.status());
        if (reply.body() == null) {
            exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, 0);
            exchange.endExchange();
            return;
        }
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, reply.contentType());
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, reply.body().length);
        exchange.getResponseSender().send(ByteBuffer.wrap(reply.body()));
    }
}
