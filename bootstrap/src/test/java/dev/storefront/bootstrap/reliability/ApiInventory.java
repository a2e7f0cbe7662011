package dev.storefront.bootstrap.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every documented operation, read from {@code docs/openapi.yaml}: its path and query parameters,
 * its body fields with their kinds, and who may call it. The hostile suites attack what this
 * lists, so a route that is documented is attacked without anyone adding it to a test by hand.
 */
final class ApiInventory {
    /** A body field's kind, which decides the wrong-type values it gets. */
    enum Kind { STRING, INTEGER, NUMBER, BOOLEAN, MONEY, OBJECT }

    record Field(String name, Kind kind, boolean required) {}

    record Param(String name, String in) {}

    record Operation(String method, String path, String summary, boolean admin, boolean login, boolean guestAllowed,
                     List<Param> pathParams, List<Param> queryParams, List<Param> headerParams,
                     Map<String, Field> fields, boolean hasBody) {
        String key() {
            return method + " " + path;
        }

        boolean unsafe() {
            return !method.equals("GET");
        }
    }

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private final JsonNode root;
    private final List<Operation> operations = new ArrayList<>();

    private ApiInventory(JsonNode root) {
        this.root = root;
        for (Map.Entry<String, JsonNode> entry : root.path("paths").properties()) {
            JsonNode item = entry.getValue();
            List<Param> shared = params(item.path("parameters"));
            for (String method : METHODS) {
                if (item.has(method)) {
                    operations.add(operation(entry.getKey(), method, item.path(method), shared));
                }
            }
        }
    }

    /** {@code docs/openapi.yaml}, found from the module directory or the repository root. */
    static ApiInventory load() {
        for (Path candidate : List.of(Path.of("..", "docs", "openapi.yaml"), Path.of("docs", "openapi.yaml"))) {
            if (Files.isRegularFile(candidate)) {
                try {
                    return new ApiInventory(new YAMLMapper().readTree(candidate.toFile()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("docs/openapi.yaml not found from " + Path.of("").toAbsolutePath());
    }

    List<Operation> operations() {
        return operations;
    }

    private Operation operation(String path, String method, JsonNode op, List<Param> shared) {
        List<Param> all = new ArrayList<>(shared);
        all.addAll(params(op.path("parameters")));
        String summary = op.path("summary").asText();
        boolean admin = summary.toLowerCase(Locale.ROOT).contains("(admin)");
        boolean guestAllowed = true;
        boolean sessionCookie = false;
        JsonNode security = op.path("security");
        if (security.isArray() && !security.isEmpty()) {
            guestAllowed = false;
            for (JsonNode requirement : security) {
                if (requirement.isEmpty()) {
                    guestAllowed = true;
                }
                sessionCookie |= requirement.has("sessionCookie");
            }
        }
        boolean login = admin || (sessionCookie && !guestAllowed);
        Map<String, Field> fields = new LinkedHashMap<>();
        JsonNode body = op.path("requestBody").path("content").path("application/json").path("schema");
        if (!body.isMissingNode()) {
            JsonNode schema = resolve(body);
            List<String> required = new ArrayList<>();
            schema.path("required").forEach(name -> required.add(name.asText()));
            schema.path("properties").properties().forEach(p ->
                    fields.put(p.getKey(), new Field(p.getKey(), kind(p.getValue()), required.contains(p.getKey()))));
        }
        return new Operation(method.toUpperCase(Locale.ROOT), path, summary, admin, login, guestAllowed && !admin,
                all.stream().filter(p -> p.in().equals("path")).toList(),
                all.stream().filter(p -> p.in().equals("query")).toList(),
                all.stream().filter(p -> p.in().equals("header")).toList(),
                fields, !body.isMissingNode());
    }

    private List<Param> params(JsonNode list) {
        List<Param> params = new ArrayList<>();
        list.forEach(p -> {
            JsonNode param = resolve(p);
            params.add(new Param(param.path("name").asText(), param.path("in").asText()));
        });
        return params;
    }

    private Kind kind(JsonNode node) {
        if (node.has("$ref") && node.path("$ref").asText().endsWith("/MoneyInput")) {
            return Kind.MONEY;
        }
        JsonNode schema = resolve(node);
        if (schema.has("allOf")) {
            return kind(schema.path("allOf").get(0));
        }
        if (schema.has("oneOf")) {
            return Kind.MONEY;
        }
        return switch (schema.path("type").asText()) {
            case "integer" -> Kind.INTEGER;
            case "number" -> Kind.NUMBER;
            case "boolean" -> Kind.BOOLEAN;
            case "object" -> Kind.OBJECT;
            default -> Kind.STRING;
        };
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
            String ref = current.path("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("external $ref " + ref);
            }
            current = root.at(ref.substring(1));
        }
        return current;
    }
}
