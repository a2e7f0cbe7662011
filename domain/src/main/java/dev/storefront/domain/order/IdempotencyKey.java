package dev.storefront.domain.order;

import dev.storefront.domain.common.InvalidInputException;
import java.util.Objects;

/**
 * The client's name for one checkout attempt ({@code Idempotency-Key} header): 1 to
 * {@value #MAX_LENGTH} visible ASCII characters. Per user, a retried checkout with the same key
 * returns the order the first attempt placed.
 */
public record IdempotencyKey(String value) {
    public static final int MAX_LENGTH = 255;
    /** The field that names the key in a validation problem. */
    public static final String FIELD = "Idempotency-Key";

    public IdempotencyKey {
        Objects.requireNonNull(value, "value");
        if (!isValid(value)) {
            throw new InvalidInputException(FIELD,
                    "must be 1 to " + MAX_LENGTH + " visible ASCII characters (no spaces)");
        }
    }

    public static boolean isValid(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_LENGTH
                && value.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }

    @Override
    public String toString() {
        return value;
    }
}
