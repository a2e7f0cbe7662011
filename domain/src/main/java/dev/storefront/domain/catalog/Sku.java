package dev.storefront.domain.catalog;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stock keeping unit: the merchant's own code for a product, 1 to 64 of {@code A-Z a-z 0-9 . _ -}.
 * It is kept as written but identifies a product regardless of case: {@code ab-1} and {@code AB-1}
 * are the same SKU (see {@link #key()}).
 */
public record Sku(String value) {
    public static final int MAX_LENGTH = 64;
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");

    public Sku {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new IllegalArgumentException("not a valid sku: " + value);
        }
    }

    public static boolean isValid(String text) {
        return text != null && FORMAT.matcher(text).matches();
    }

    /** The case-insensitive identity of this SKU (upper case, ASCII only by construction). */
    public String key() {
        return value.toUpperCase(Locale.ROOT);
    }

    public boolean sameAs(Sku other) {
        return key().equals(other.key());
    }

    @Override
    public String toString() {
        return value;
    }
}
