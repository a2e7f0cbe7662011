package dev.storefront.domain.user;

import dev.storefront.domain.common.Text;
import dev.storefront.domain.common.InvalidInputException;
import java.util.Locale;
import java.util.Objects;

/**
 * An email address, stored trimmed and lower-cased: exactly one {@code @}, a non-empty local part,
 * a domain with a dot (not at either end, no empty labels), no spaces or control characters, at
 * most 254 characters.
 */
public record Email(String value) {
    public static final int MAX_LENGTH = 254;

    public Email {
        Objects.requireNonNull(value, "value");
        value = value.strip().toLowerCase(Locale.ROOT);
        String problem = problem(value);
        if (problem != null) {
            throw new InvalidInputException("email", problem);
        }
    }

    private static String problem(String value) {
        if (value.isEmpty()) {
            return "must not be empty";
        }
        if (value.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        int at = value.indexOf('@');
        if (at <= 0 || at != value.lastIndexOf('@') || at > 64) {
            return "must be a valid email address";
        }
        if (!Text.isWellFormed(value)
                || value.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return "must be a valid email address";
        }
        String domain = value.substring(at + 1);
        if (domain.indexOf('.') < 0 || domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
            return "must be a valid email address";
        }
        return null;
    }

    /** Whether the text (after trimming and lower-casing) is a well-formed address. */
    public static boolean isValid(String value) {
        return value != null && problem(value.strip().toLowerCase(Locale.ROOT)) == null;
    }

    @Override
    public String toString() {
        return value;
    }
}
