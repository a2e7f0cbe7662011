package dev.storefront.http.common;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Exact decimals from client input, never through binary floating point: a JSON number (read as
 * {@link BigDecimal} by {@link JsonCodec}) or a string like {@code "19.99"}. Whether the value is
 * allowed (sign, decimals, range) is the domain's call; this only reads it.
 */
public final class JsonDecimals {
    /** A plain decimal as text: optional minus, digits, optional fraction. No exponent, no blanks. */
    private static final Pattern PLAIN = Pattern.compile("-?\\d{1,20}(\\.\\d{1,20})?");
    public static final String EXPECTED = "must be an amount like \"19.99\" (a string or a number)";

    private JsonDecimals() {}

    /**
     * @throws IllegalArgumentException with {@link #EXPECTED} as message when the node is not a number or
     *                                  a string holding a plain decimal
     */
    public static BigDecimal read(JsonNode node) {
        if (node != null && node.isNumber()) {
            return node.decimalValue();
        }
        if (node != null && node.isTextual()) {
            return parse(node.textValue());
        }
        throw new IllegalArgumentException(EXPECTED);
    }

    /** A plain decimal from text (a query parameter, a string field). */
    public static BigDecimal parse(String text) {
        if (text == null || !PLAIN.matcher(text).matches()) {
            throw new IllegalArgumentException(EXPECTED);
        }
        return new BigDecimal(text);
    }
}
