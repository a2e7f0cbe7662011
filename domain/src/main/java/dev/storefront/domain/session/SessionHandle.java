package dev.storefront.domain.session;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The public name of a session, for listing and revoking: random, unrelated to the secret id, safe
 * to show. A later feature may key data on it (a guest's cart).
 */
public record SessionHandle(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    public SessionHandle {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a session handle");
        }
    }

    public static boolean isValid(String value) {
        return value != null && SHAPE.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
