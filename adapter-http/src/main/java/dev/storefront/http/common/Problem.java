package dev.storefront.http.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.storefront.domain.common.FieldViolation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An RFC 9457 problem-details body. {@code errors} appears only for field-level problems. */
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Map<String, Object>> errors) {

    /** One entry of {@code errors}: {@code field}, {@code message}, then the violation's details. */
    static Map<String, Object> entry(FieldViolation violation) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("field", violation.field());
        entry.put("message", violation.message());
        new TreeMap<>(violation.details()).forEach(entry::putIfAbsent);
        return entry;
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, List.of());
    }

    public static Problem of(ProblemType type, String detail, List<FieldViolation> violations) {
        return new Problem(type.uri(), type.title(), type.status(), detail,
                violations.stream().map(Problem::entry).toList());
    }
}
