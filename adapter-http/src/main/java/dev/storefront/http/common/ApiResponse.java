package dev.storefront.http.common;

import io.undertow.server.handlers.Cookie;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a route answers: a status, an optional JSON body, extra headers and cookies. */
public final class ApiResponse {
    private final int status;
    private final Object body;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<Cookie> cookies = new ArrayList<>();

    private ApiResponse(int status, Object body) {
        this.status = status;
        this.body = body;
    }

    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body);
    }

    public static ApiResponse created(Object body) {
        return new ApiResponse(201, body);
    }

    public static ApiResponse accepted(Object body) {
        return new ApiResponse(202, body);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, null);
    }

    public static ApiResponse status(int status, Object body) {
        return new ApiResponse(status, body);
    }

    public ApiResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ApiResponse cookie(Cookie cookie) {
        cookies.add(cookie);
        return this;
    }

    public int status() {
        return status;
    }

    public Object body() {
        return body;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public List<Cookie> cookies() {
        return cookies;
    }
}
