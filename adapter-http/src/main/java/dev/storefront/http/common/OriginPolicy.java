package dev.storefront.http.common;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which browser origins may call the API: the configured allow-list plus, for CSRF, the server's
 * own origin. The configuration is brought to normal form (lower-case scheme and host, no default
 * port) once; an {@code Origin} header must then equal one of those exactly, as a browser sends it
 * ({@code scheme://host[:port]}, nothing else). Normalising the header instead would let
 * {@code http://evil.example@localhost:3000} pass as {@code http://localhost:3000}.
 */
public final class OriginPolicy {
    private final Set<String> allowed;

    public OriginPolicy(Collection<String> allowedOrigins) {
        this.allowed = allowedOrigins.stream()
                .map(o -> normalise(o).orElseThrow(() -> new IllegalArgumentException("not an origin: " + o)))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The configured origin an {@code Origin} header names exactly, if any: the value to echo. */
    public Optional<String> allowedOrigin(String origin) {
        return origin != null && allowed.contains(origin) ? Optional.of(origin) : Optional.empty();
    }

    public boolean isAllowed(String origin) {
        return allowedOrigin(origin).isPresent();
    }

    /** The origin of a {@code Referer} URL, if it is a plain http(s) URL without user info. */
    public static Optional<String> originOfUrl(String url) {
        return normalise(url);
    }

    /** Whether the origin is this server's own: the scheme it was reached by plus the Host header. */
    public boolean isOwn(String origin, HttpServerExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst(Headers.HOST);
        if (host == null) {
            return false;
        }
        // Behind a TLS-terminating proxy the browser's origin is https although we are reached by http.
        String forwarded = exchange.getRequestHeaders().getFirst("X-Forwarded-Proto");
        String scheme = forwarded != null ? forwarded.trim() : exchange.getRequestScheme();
        return origin != null && normalise(scheme + "://" + host).filter(origin::equals).isPresent();
    }

    /**
     * The origin part of a URL or origin string in normal form, or empty when it is not a usable
     * http(s) origin (user info, as in {@code http://evil.example@host}, included).
     */
    static Optional<String> normalise(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return Optional.of(scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
