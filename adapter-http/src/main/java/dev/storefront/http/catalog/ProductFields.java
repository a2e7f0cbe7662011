package dev.storefront.http.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.domain.common.FieldViolation;
import dev.storefront.http.common.JsonDecimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads product fields from a JSON object (a request body, a row of an import file) strictly: a string field must be a JSON string, stock a
 * JSON integer, active a JSON boolean, price a JSON number or a string (read exactly), images a
 * JSON array of strings (a wrong entry is named {@code images[3]}, from 0). Wrong types
 * are collected as field violations; whether values obey the product rules is the domain's call.
 */
public final class ProductFields {
    private final ObjectNode body;
    private final boolean nullAllowed;
    private final List<FieldViolation> violations = new ArrayList<>();

    /** @param nullAllowed whether an explicit {@code null} counts as "not given" (else it is an error) */
    public ProductFields(ObjectNode body, boolean nullAllowed) {
        this.body = body;
        this.nullAllowed = nullAllowed;
    }

    private JsonNode given(String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isMissingNode()) {
            return null;
        }
        if (node.isNull()) {
            if (!nullAllowed) {
                violations.add(new FieldViolation(field, "must not be null (leave the field out to keep it)"));
            }
            return null;
        }
        return node;
    }

    public String text(String field) {
        JsonNode node = given(field);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            violations.add(new FieldViolation(field, "must be a string"));
            return null;
        }
        return node.textValue();
    }

    public BigDecimal price(String field) {
        JsonNode node = given(field);
        if (node == null) {
            return null;
        }
        try {
            return JsonDecimals.read(node);
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation(field, e.getMessage()));
            return null;
        }
    }

    public Integer wholeNumber(String field) {
        JsonNode node = given(field);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            violations.add(new FieldViolation(field, "must be a whole number"));
            return null;
        }
        if (!node.canConvertToInt()) {
            violations.add(new FieldViolation(field, "is out of range"));
            return null;
        }
        return node.intValue();
    }

    public Boolean bool(String field) {
        JsonNode node = given(field);
        if (node == null) {
            return null;
        }
        if (!node.isBoolean()) {
            violations.add(new FieldViolation(field, "must be true or false"));
            return null;
        }
        return node.booleanValue();
    }

    /** A JSON array of strings; an entry of another type is reported and read as {@code null}. */
    public List<String> textList(String field) {
        JsonNode node = given(field);
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            violations.add(new FieldViolation(field, "must be an array of strings"));
            return null;
        }
        List<String> texts = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode entry = node.get(i);
            if (entry.isTextual()) {
                texts.add(entry.textValue());
            } else {
                violations.add(new FieldViolation(field + "[" + i + "]", "must be a string"));
                texts.add(null);
            }
        }
        return texts;
    }

    public List<FieldViolation> violations() {
        return List.copyOf(violations);
    }
}
