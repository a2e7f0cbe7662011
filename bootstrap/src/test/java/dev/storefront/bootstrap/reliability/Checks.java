package dev.storefront.bootstrap.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storefront.bootstrap.reliability.Http.Answer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What every answer to a hostile request must look like, collected as findings (not thrown at the
 * first one) so that one run lists every broken endpoint.
 */
final class Checks {
    /** Text that only an internal failure would put in an answer. Compared case-sensitively. */
    private static final List<String> LEAK_MARKERS = List.of("Exception", "\tat ", "at dev.", "java.lang", "java.io",
            "java.sql", "javax.", "org.sqlite", "SQLITE_", "SQLException", "org.jdbi", "com.fasterxml", "io.undertow",
            "com.zaxxer", "dev.storefront", "sqlite", "SQLite", "storefront.db", "/tmp/", "user_account",
            "password_hash", "user_session", "cart_line", "order_item", "$2a$", "$2y$", "$2b$", "Caused by");
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Cache-Control", "no-store");

    private final List<String> findings = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private long checked;
    private long serverErrors;

    /** A 4xx problem+json with a well-formed, leak-free body and every security header. */
    void problem(Answer answer, String context, String... sent) {
        count(answer);
        if (answer.status() < 400 || answer.status() >= 500) {
            finding(context, "expected a 4xx, got " + answer);
            return;
        }
        wellFormedProblem(answer, context, sent);
    }

    /** Any answer but a 5xx; a 4xx must be a clean problem, anything else JSON; headers always. */
    void notServerError(Answer answer, String context, String... sent) {
        count(answer);
        if (answer.status() >= 500) {
            finding(context, "server error " + answer);
        } else if (answer.status() >= 400) {
            wellFormedProblem(answer, context, sent);
        } else {
            securityHeaders(answer, context);
            noLeak(answer, context, sent);
        }
    }

    private void count(Answer answer) {
        checked++;
        statuses.merge(answer.status(), 1, Integer::sum);
        if (answer.status() >= 500) {
            serverErrors++;
        }
    }

    private void wellFormedProblem(Answer answer, String context, String... sent) {
        if (!answer.contentType().toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
            finding(context, "content type " + answer.contentType() + ": " + answer);
        }
        JsonNode problem;
        try {
            problem = answer.json();
        } catch (AssertionError e) {
            finding(context, "body is not JSON: " + answer);
            return;
        }
        if (!problem.path("type").asText().startsWith("/problems/") || problem.path("status").asInt() != answer.status()
                || problem.path("title").asText().isEmpty() || !problem.has("detail")) {
            finding(context, "not a problem document: " + answer);
        }
        securityHeaders(answer, context);
        noLeak(answer, context, sent);
    }

    void securityHeaders(Answer answer, String context) {
        SECURITY_HEADERS.forEach((name, value) -> {
            if (!answer.header(name).map(value::equals).orElse(false)) {
                finding(context, "header " + name + " is " + answer.header(name) + " on " + answer.status());
            }
        });
        if (answer.header("X-Request-Id").isEmpty()) {
            finding(context, "no X-Request-Id on " + answer.status());
        }
        if (answer.header("Access-Control-Allow-Origin").isPresent()) {
            finding(context, "Access-Control-Allow-Origin without an allowed Origin: " + answer);
        }
    }

    /** No stack trace, class name, SQL or path — after taking out what the client itself sent. */
    void noLeak(Answer answer, String context, String... sent) {
        // GET /health names the engine in use by contract (api.md): that one field is no leak.
        String body = answer.body().replace("\"database\":\"sqlite\"", "").replace("\"database\":\"postgresql\"", "");
        for (String mine : sent) {
            if (mine != null && !mine.isEmpty()) {
                body = body.replace(mine, "").replace(Http.quote(mine), "");
                String escaped = Http.quote(mine);
                body = body.replace(escaped.substring(1, escaped.length() - 1), "");
            }
        }
        for (String marker : LEAK_MARKERS) {
            if (body.contains(marker)) {
                finding(context, "answer leaks '" + marker + "': " + answer);
                return;
            }
        }
    }

    void finding(String context, String what) {
        if (findings.size() < 200) {
            findings.add(context + ": " + what);
        }
    }

    void check(boolean ok, String context, String what) {
        checked++;
        if (!ok) {
            finding(context, what);
        }
    }

    void unchanged(Map<String, String> before, Map<String, String> after, String context) {
        checked++;
        if (!Objects.equals(before, after)) {
            List<String> changed = new ArrayList<>();
            after.forEach((table, digest) -> {
                if (!digest.equals(before.get(table))) {
                    changed.add(table + " " + before.get(table) + " -> " + digest);
                }
            });
            finding(context, "the database changed: " + changed);
        }
    }

    List<String> findings() {
        return findings;
    }

    long checked() {
        return checked;
    }

    long serverErrors() {
        return serverErrors;
    }

    Map<Integer, Integer> statuses() {
        return statuses;
    }

    /** Where the findings of a test start. */
    int mark() {
        return findings.size();
    }

    /** Fails with every finding since {@code mark}, one a line. */
    void assertCleanSince(int mark) {
        List<String> mine = findings.subList(Math.min(mark, findings.size()), findings.size());
        if (!mine.isEmpty()) {
            throw new AssertionError(mine.size() + " findings:\n" + String.join("\n", mine));
        }
    }

    /** Fails with every finding, one a line. */
    void assertClean() {
        assertCleanSince(0);
    }

    /**
     * Prints a summary line ({@code "name: figures"}) and writes it to
     * {@code target/reliability/<name>.txt}, replacing the previous run's.
     */
    static void report(String line) {
        String stamped = "RELIABILITY " + line;
        System.out.println(stamped);
        try {
            Path file = Path.of("target", "reliability", line.substring(0, line.indexOf(':')) + ".txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, stamped + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
