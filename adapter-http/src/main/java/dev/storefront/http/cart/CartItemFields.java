package dev.storefront.http.cart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.domain.common.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Reads whole-number fields of a cart request body strictly (a JSON integer, not a string or 1.0). */
final class CartItemFields {
    private final ObjectNode body;
    private final List<FieldViolation> violations = new ArrayList<>();

    CartItemFields(ObjectNode body) {
        this.body = body;
    }

    /**
     * The field's value if it is given as a whole number in {@code min..max}; a violation (and
     * empty) otherwise, or when it is missing and {@code required}.
     */
    OptionalLong wholeNumber(String field, boolean required, long min, long max, String rule) {
        JsonNode node = body.get(field);
        if (node == null || node.isMissingNode()) {
            if (required) {
                violations.add(new FieldViolation(field, "is required"));
            }
            return OptionalLong.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            violations.add(new FieldViolation(field, rule));
            return OptionalLong.empty();
        }
        return OptionalLong.of(node.longValue());
    }

    List<FieldViolation> violations() {
        return List.copyOf(violations);
    }
}
