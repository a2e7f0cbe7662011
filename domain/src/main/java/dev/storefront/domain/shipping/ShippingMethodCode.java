package dev.storefront.domain.shipping;

import java.util.Objects;
import java.util.regex.Pattern;

/** A shipping method's code: 1–32 of {@code a-z 0-9 _ -} ({@code standard}, {@code express}). */
public record ShippingMethodCode(String value) {
    private static final Pattern VALID = Pattern.compile("[a-z0-9_-]{1,32}");
    public static final String PROBLEM = "must be 1 to 32 of a-z, 0-9, '_' or '-'";

    public ShippingMethodCode {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("invalid shipping method code: " + value);
        }
    }

    public static boolean isValid(String text) {
        return text != null && VALID.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
