package dev.storefront.http.common;

import io.undertow.server.handlers.Cookie;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a route answers: a status, an optional JSON body (or, for the few routes that serve a file,
 * ready bytes of another type), extra headers and cookies.
 */
public final class ApiResponse {
    private final int status;
    private final Object body;
    private String contentType;
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

    /**
     * A body that is not JSON (a static image): sent as it is, with this content type. The route's
     * headers replace the API's defaults of the same name (such as {@code Cache-Control}).
     */
    public static ApiResponse bytes(int status, String contentType, byte[] body) {
        ApiResponse response = new ApiResponse(status, body.clone());
        response.contentType = Objects.requireNonNull(contentType, "contentType");
        return response;
    }

    /** The content type of a {@link #bytes} answer; {@code null} for JSON. */
    public String contentType() {
        return contentType;
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
