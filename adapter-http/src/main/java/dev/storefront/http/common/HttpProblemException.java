package dev.storefront.http.common;

import dev.storefront.domain.common.FieldViolation;
import java.util.List;
import java.util.Map;

/** A problem found by the HTTP layer itself (before any use case ran): bad JSON, wrong method, … */
public final class HttpProblemException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public HttpProblemException(ProblemType type, String detail) {
        this(Problem.of(type, detail), Map.of());
    }

    public HttpProblemException(ProblemType type, String detail, Map<String, String> headers) {
        this(Problem.of(type, detail), headers);
    }

    private HttpProblemException(Problem problem, Map<String, String> headers) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public static HttpProblemException invalid(List<FieldViolation> violations) {
        String detail = violations.size() == 1 ? "1 field is invalid" : violations.size() + " fields are invalid";
        return new HttpProblemException(Problem.of(ProblemType.VALIDATION, detail, violations), Map.of());
    }

    public static HttpProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldViolation(field, message)));
    }

    public static HttpProblemException notFound() {
        return new HttpProblemException(ProblemType.NOT_FOUND, "No such resource");
    }

    public Problem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
