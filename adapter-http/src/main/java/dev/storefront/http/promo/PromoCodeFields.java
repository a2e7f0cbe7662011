package dev.storefront.http.promo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.port.in.promo.UpdatePromoCodeCommand.Change;
import dev.storefront.http.common.JsonDecimals;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads promo code fields from a request body strictly: {@code code} and {@code kind} JSON strings,
 * {@code value} and {@code minSubtotal} a number or a string (read exactly), the times ISO-8601
 * strings, the limits JSON integers, {@code active} a boolean. Wrong types are collected as field
 * violations; whether the values obey the rules is the use case's call.
 */
final class PromoCodeFields {
    static final String INSTANT_EXPECTED = "must be an ISO-8601 time like \"2026-11-22T10:15:30Z\", or null";
    private final ObjectNode body;
    private final List<FieldViolation> violations = new ArrayList<>();

    PromoCodeFields(ObjectNode body) {
        this.body = body;
    }

    /** The field's JSON, {@code null} when absent; a JSON {@code null} comes back as a null node. */
    private JsonNode node(String field) {
        JsonNode node = body.get(field);
        return node == null || node.isMissingNode() ? null : node;
    }

    boolean given(String field) {
        return node(field) != null;
    }

    /** A field whose JSON {@code null} means "not given" (a new code) or "no bound" (a change). */
    private <T> T read(String field, Function<JsonNode, T> reader) {
        JsonNode node = node(field);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return reader.apply(node);
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation(field, e.getMessage()));
            return null;
        }
    }

    /** As a change: absent keeps the field, {@code null} clears it. */
    private <T> Change<T> change(String field, Function<JsonNode, T> reader) {
        JsonNode node = node(field);
        if (node == null) {
            return null;
        }
        int before = violations.size();
        T value = read(field, reader);
        return violations.size() > before ? null : Change.to(value);
    }

    /** A field that cannot be cleared: a JSON {@code null} in a change is an error. */
    private <T> T required(String field, Function<JsonNode, T> reader) {
        JsonNode node = node(field);
        if (node != null && node.isNull()) {
            violations.add(new FieldViolation(field, "must not be null (leave the field out to keep it)"));
            return null;
        }
        return read(field, reader);
    }

    String text(String field) {
        return read(field, PromoCodeFields::string);
    }

    String requiredText(String field) {
        return required(field, PromoCodeFields::string);
    }

    BigDecimal decimal(String field) {
        return read(field, JsonDecimals::read);
    }

    BigDecimal requiredDecimal(String field) {
        return required(field, JsonDecimals::read);
    }

    Change<BigDecimal> decimalChange(String field) {
        return change(field, JsonDecimals::read);
    }

    Instant instant(String field) {
        return read(field, PromoCodeFields::instant);
    }

    Change<Instant> instantChange(String field) {
        return change(field, PromoCodeFields::instant);
    }

    Integer wholeNumber(String field) {
        return read(field, PromoCodeFields::wholeNumber);
    }

    Change<Integer> wholeNumberChange(String field) {
        return change(field, PromoCodeFields::wholeNumber);
    }

    Boolean bool(String field) {
        return read(field, PromoCodeFields::bool);
    }

    Boolean requiredBool(String field) {
        return required(field, PromoCodeFields::bool);
    }

    void add(FieldViolation violation) {
        violations.add(violation);
    }

    List<FieldViolation> violations() {
        return List.copyOf(violations);
    }

    private static String string(JsonNode node) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException("must be a string");
        }
        return node.textValue();
    }

    private static Instant instant(JsonNode node) {
        // A bounded length first: the parser never sees a megabyte of digits.
        if (!node.isTextual() || node.textValue().length() > 40) {
            throw new IllegalArgumentException(INSTANT_EXPECTED);
        }
        try {
            return Instant.parse(node.textValue());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(INSTANT_EXPECTED);
        }
    }

    private static Integer wholeNumber(JsonNode node) {
        if (!node.isIntegralNumber()) {
            throw new IllegalArgumentException("must be a whole number, or null");
        }
        if (!node.canConvertToInt()) {
            throw new IllegalArgumentException("is out of range");
        }
        return node.intValue();
    }

    private static Boolean bool(JsonNode node) {
        if (!node.isBoolean()) {
            throw new IllegalArgumentException("must be true or false");
        }
        return node.booleanValue();
    }
}
