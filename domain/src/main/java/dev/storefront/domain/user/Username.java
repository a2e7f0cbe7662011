package dev.storefront.domain.user;

import dev.storefront.domain.common.InvalidInputException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A user's public name: 3 to 32 characters, ASCII letters, digits, {@code _ . -}, starting with a
 * letter or digit. Unique case-insensitively: {@link #key()} is what uniqueness is checked on.
 * (ASCII only on purpose: look-alike letters from other scripts cannot impersonate a name.)
 */
public record Username(String value) {
    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 32;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{2,31}");

    public Username {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidInputException("username", problem(value));
        }
    }

    private static String problem(String value) {
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            return "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters";
        }
        if (!Character.isLetterOrDigit(value.charAt(0)) || value.charAt(0) > 0x7f) {
            return "must start with a letter or digit";
        }
        return "may contain only letters, digits, '_', '.' and '-'";
    }

    /** Whether the text is a well-formed username. */
    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    /** The case-insensitive identity of the name. */
    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    public boolean sameAs(Username other) {
        return key().equals(other.key());
    }

    @Override
    public String toString() {
        return value;
    }
}
