package dev.storefront.http.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Routes by method and path template ({@code /api/products/{id}}). A path that matches no template
 * is unknown (404); a path that matches with another method is 405 and the caller gets the methods
 * that would match, for the {@code Allow} header. A route may name a {@link BoundedPool} to run on,
 * so that slow, CPU-bound work (bcrypt) cannot take the threads every other route needs.
 */
public final class Router {

    /** A registered route. {@code pool} is null for the server's default worker pool. */
    public record Route(String method, String template, ApiHandler handler, BoundedPool pool) {}

    /** The outcome of matching a request. */
    public record Match(Route route, Map<String, String> pathParameters, Set<String> allowedMethods) {
        public boolean found() {
            return route != null;
        }

        public boolean pathKnown() {
            return !allowedMethods.isEmpty();
        }
    }

    private record Template(String[] segments, Route route) {}

    private final Map<Integer, List<Template>> bySegmentCount = new HashMap<>();

    public Router get(String template, ApiHandler handler) {
        return add("GET", template, handler, null);
    }

    public Router post(String template, ApiHandler handler) {
        return add("POST", template, handler, null);
    }

    public Router put(String template, ApiHandler handler) {
        return add("PUT", template, handler, null);
    }

    public Router patch(String template, ApiHandler handler) {
        return add("PATCH", template, handler, null);
    }

    public Router delete(String template, ApiHandler handler) {
        return add("DELETE", template, handler, null);
    }

    public Router add(String method, String template, ApiHandler handler, BoundedPool pool) {
        Objects.requireNonNull(handler, "handler");
        if (!template.startsWith("/")) {
            throw new IllegalArgumentException("template must start with /: " + template);
        }
        String[] segments = split(template);
        List<Template> sameLength = bySegmentCount.computeIfAbsent(segments.length, n -> new ArrayList<>());
        for (Template existing : sameLength) {
            // Parameter names do not tell routes apart: /a/{id} and /a/{key} match the same paths.
            if (existing.route().method().equals(method) && shape(existing.segments()).equals(shape(segments))) {
                throw new IllegalArgumentException("route registered twice: " + method + " " + template);
            }
        }
        sameLength.add(new Template(segments, new Route(method, template, handler, pool)));
        return this;
    }

    public Match match(String method, String path) {
        String[] parts = split(path);
        Set<String> allowed = new TreeSet<>();
        Route found = null;
        Map<String, String> parameters = Map.of();
        for (Template template : bySegmentCount.getOrDefault(parts.length, List.of())) {
            Optional<Map<String, String>> bound = bind(template.segments(), parts);
            if (bound.isEmpty()) {
                continue;
            }
            allowed.add(template.route().method());
            // A literal segment beats a parameter: /api/user/sessions is not /api/user/{id}.
            if (template.route().method().equals(method) && (found == null || bound.get().size() < parameters.size())) {
                found = template.route();
                parameters = bound.get();
            }
        }
        if (!allowed.isEmpty()) {
            allowed.add("OPTIONS");
        }
        return new Match(found, parameters, allowed);
    }

    private static Optional<Map<String, String>> bind(String[] template, String[] parts) {
        Map<String, String> parameters = null;
        for (int i = 0; i < template.length; i++) {
            String segment = template[i];
            if (isParameter(segment)) {
                if (parts[i].isEmpty()) {
                    return Optional.empty();
                }
                if (parameters == null) {
                    parameters = new LinkedHashMap<>();
                }
                parameters.put(segment.substring(1, segment.length() - 1), parts[i]);
            } else if (!segment.equals(parts[i])) {
                return Optional.empty();
            }
        }
        return Optional.of(parameters == null ? Map.of() : parameters);
    }

    private static List<String> shape(String[] segments) {
        List<String> shape = new ArrayList<>(segments.length);
        for (String segment : segments) {
            shape.add(isParameter(segment) ? "{}" : segment);
        }
        return shape;
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static String[] split(String path) {
        // -1 keeps a trailing empty segment, so /api/products/ does not match /api/products.
        return path.split("/", -1);
    }
}
