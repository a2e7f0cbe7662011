package dev.storefront.http.common;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.util.Map;

/** Writes JSON and problem bodies. Safe on an I/O thread: it never blocks. */
public final class ProblemWriter {
    static final String JSON = "application/json; charset=utf-8";
    static final String PROBLEM_JSON = "application/problem+json";

    private final JsonCodec json;

    public ProblemWriter(JsonCodec json) {
        this.json = json;
    }

    public void problem(HttpServerExchange exchange, Problem problem, Map<String, String> headers) {
        headers.forEach((name, value) -> exchange.getResponseHeaders().put(HttpString.tryFromString(name), value));
        send(exchange, problem.status(), PROBLEM_JSON, json.write(problem));
    }

    public void problem(HttpServerExchange exchange, ProblemType type, String detail) {
        problem(exchange, Problem.of(type, detail), Map.of());
    }

    public void json(HttpServerExchange exchange, int status, Object body) {
        if (body == null) {
            exchange.setStatusCode(status);
            exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, 0);
            exchange.endExchange();
            return;
        }
        send(exchange, status, JSON, json.write(body));
    }

    private static void send(HttpServerExchange exchange, int status, String contentType, byte[] bytes) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, contentType);
        exchange.getResponseHeaders().put(Headers.CONTENT_LENGTH, bytes.length);
        exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
    }
}
