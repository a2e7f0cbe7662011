package dev.storefront.http;

import java.util.List;
import java.util.Objects;

/**
 * What the HTTP adapter needs to know from the configuration.
 *
 * @param corsOrigins   browser origins allowed to call the API with credentials
 * @param cookieSecure  add {@code Secure} to the session cookie (set when served over TLS)
 * @param maxBodyBytes  the largest request body accepted; larger gets 413
 * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} is believed
 */
public record HttpSettings(List<String> corsOrigins, boolean cookieSecure, long maxBodyBytes,
                           List<String> trustedProxies) {
    public static final long DEFAULT_MAX_BODY_BYTES = 65_536;
    public static final List<String> DEFAULT_CORS_ORIGINS = List.of("http://localhost:3000", "http://localhost:5173");

    public HttpSettings {
        corsOrigins = List.copyOf(Objects.requireNonNull(corsOrigins, "corsOrigins"));
        trustedProxies = List.copyOf(Objects.requireNonNull(trustedProxies, "trustedProxies"));
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
    }

    /** Without trusted proxies: the TCP peer is the client. */
    public HttpSettings(List<String> corsOrigins, boolean cookieSecure, long maxBodyBytes) {
        this(corsOrigins, cookieSecure, maxBodyBytes, List.of());
    }

    public static HttpSettings defaults() {
        return new HttpSettings(DEFAULT_CORS_ORIGINS, false, DEFAULT_MAX_BODY_BYTES);
    }
}
