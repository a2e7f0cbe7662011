package dev.storefront.application.account;

import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Collects field problems so that a request learns about all of them at once. */
final class Violations {
    private final List<FieldViolation> found = new ArrayList<>();

    /** The parsed value, or null (with a violation recorded) when raw is missing or invalid. */
    <T> T parse(String field, String raw, Function<String, T> parser) {
        if (raw == null) {
            found.add(new FieldViolation(field, "is required"));
            return null;
        }
        try {
            return parser.apply(raw);
        } catch (InvalidInputException e) {
            e.violations().forEach(v -> found.add(new FieldViolation(field, v.message(), v.details())));
            return null;
        }
    }

    boolean require(String field, Object value) {
        if (value == null) {
            found.add(new FieldViolation(field, "is required"));
            return false;
        }
        return true;
    }

    void addAll(List<FieldViolation> violations) {
        found.addAll(violations);
    }

    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }
}
