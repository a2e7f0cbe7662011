package dev.storefront.http.common;

import dev.storefront.domain.common.AccessDeniedException;
import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.NotAuthenticatedException;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HttpString;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A request as the routes see it: path parameters, query parameters, the JSON body, the exchange. */
public final class ApiRequest {
    private final HttpServerExchange exchange;
    private final Map<String, String> pathParameters;
    private final JsonCodec json;
    private final byte[] body;
    private final PrincipalResolver principals;
    private final ClientAddresses clientAddresses;
    private Optional<Principal> principal;

    ApiRequest(HttpServerExchange exchange, Map<String, String> pathParameters, JsonCodec json, byte[] body,
               PrincipalResolver principals, ClientAddresses clientAddresses) {
        this.exchange = exchange;
        this.pathParameters = pathParameters;
        this.json = json;
        this.body = body;
        this.principals = principals;
        this.clientAddresses = clientAddresses;
    }

    /** The logged-in user, if any (resolved once per request). */
    public Optional<Principal> principal() {
        if (principal == null) {
            principal = principals.resolve(this);
        }
        return principal;
    }

    /** The logged-in user; 401 when there is none. */
    public Principal requireUser() {
        return principal().orElseThrow(() -> new NotAuthenticatedException("Login required"));
    }

    /** The logged-in admin; 401 when nobody is logged in, 403 for a customer. */
    public Principal requireAdmin() {
        Principal user = requireUser();
        if (!user.isAdmin()) {
            throw new AccessDeniedException("Admin role required");
        }
        return user;
    }

    /** The JSON body as {@code type}; 400 when absent, malformed or of the wrong shape. */
    public <T> T body(Class<T> type) {
        return json.read(body, type);
    }

    public boolean hasBody() {
        return body.length > 0;
    }

    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route has no path parameter " + name);
        }
        return value;
    }

    /** A positive numeric id from the path; anything else is an unknown resource (404). */
    public long pathId(String name) {
        String value = pathParameter(name);
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw HttpProblemException.notFound();
        }
        long id = Long.parseLong(value);
        if (id <= 0) {
            throw HttpProblemException.notFound();
        }
        return id;
    }

    /**
     * A violation for each query parameter not in {@code known}, in name order: a misspelt filter
     * ({@code pagesize}, {@code min_price}) is refused, not silently ignored.
     */
    public List<FieldViolation> unknownQueryParameters(Set<String> known) {
        return new TreeSet<>(exchange.getQueryParameters().keySet()).stream()
                .filter(name -> !known.contains(name))
                .map(name -> new FieldViolation(name, "is not a parameter here; known: "
                        + String.join(", ", new TreeSet<>(known))))
                .toList();
    }

    /** 400 naming every query parameter not in {@code known}. */
    public void requireOnlyQueryParameters(Set<String> known) {
        List<FieldViolation> unknown = unknownQueryParameters(known);
        if (!unknown.isEmpty()) {
            throw HttpProblemException.invalid(unknown);
        }
    }

    /** The single value of a query parameter; 400 when it is given more than once. */
    public Optional<String> query(String name) {
        Deque<String> values = exchange.getQueryParameters().get(name);
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw HttpProblemException.invalid(name, "must be given at most once");
        }
        return Optional.of(values.getFirst());
    }

    /** An integer query parameter within bounds, or the default when absent; otherwise 400. */
    public int queryInt(String name, int defaultValue, int min, int max) {
        Optional<String> raw = query(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        String text = raw.get();
        FieldViolation violation = new FieldViolation(name, "must be a whole number from " + min + " to " + max);
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw HttpProblemException.invalid(List.of(violation));
        }
        long value = Long.parseLong(text);
        if (value < min || value > max) {
            throw HttpProblemException.invalid(List.of(violation));
        }
        return (int) value;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(HttpString.tryFromString(name)));
    }

    public String method() {
        return exchange.getRequestMethod().toString();
    }

    public String path() {
        return exchange.getRelativePath();
    }

    /** The client's address: the TCP peer, or what a trusted proxy says (see {@link ClientAddresses}). */
    public String clientAddress() {
        return clientAddresses.of(exchange);
    }

    public <T> T attachment(AttachmentKey<T> key) {
        return exchange.getAttachment(key);
    }

    public <T> void attach(AttachmentKey<T> key, T value) {
        exchange.putAttachment(key, value);
    }

    public HttpServerExchange exchange() {
        return exchange;
    }
}
