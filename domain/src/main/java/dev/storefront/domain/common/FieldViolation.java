package dev.storefront.domain.common;

import java.util.Map;
import java.util.Objects;

/**
 * One invalid input field and why, in words a client can show to a person, with optional data
 * about it (for a stock conflict: how many were requested and how many are available).
 */
public record FieldViolation(String field, String message, Map<String, Object> details) {
    public FieldViolation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        details = Map.copyOf(details);
    }

    public FieldViolation(String field, String message) {
        this(field, message, Map.of());
    }
}
