package dev.storefront.domain.promo;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a customer types: 3–32 letters, digits, {@code _} and {@code -}, kept upper case and matched regardless of case. */
public record PromoCodeId(String value) {
    private static final Pattern VALID = Pattern.compile("[A-Z0-9_-]{3,32}");
    public static final String PROBLEM = "must be 3 to 32 letters, digits, '_' or '-'";

    public PromoCodeId {
        Objects.requireNonNull(value, "value");
        if (!VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid promo code: " + value);
        }
    }

    /** A code as a client sent it: stripped and upper-cased; empty when it cannot be a code. */
    public static Optional<PromoCodeId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String code = text.strip().toUpperCase(Locale.ROOT);
        return VALID.matcher(code).matches() ? Optional.of(new PromoCodeId(code)) : Optional.empty();
    }

    @Override
    public String toString() {
        return value;
    }
}
