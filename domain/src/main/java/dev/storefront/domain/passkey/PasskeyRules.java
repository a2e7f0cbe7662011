package dev.storefront.domain.passkey;

import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.common.Text;
import java.time.Duration;

/** The limits of passkeys and their challenges. */
public final class PasskeyRules {
    /** Passkeys one user may register: plenty for every device, and it bounds a login's work and a row count. */
    public static final int MAX_PER_USER = 20;
    public static final int MAX_NAME_LENGTH = 64;
    public static final String DEFAULT_NAME = "Passkey";
    /** How long a challenge is valid, and the {@code timeout} the options give the browser. */
    public static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);

    private PasskeyRules() {}

    /**
     * The name to store: trimmed, {@link #DEFAULT_NAME} when absent or blank.
     *
     * @throws InvalidInputException when longer than {@link #MAX_NAME_LENGTH} or not printable on one line
     */
    public static String name(String requested) {
        if (requested == null || requested.isBlank()) {
            return DEFAULT_NAME;
        }
        String name = requested.strip();
        if (name.length() > MAX_NAME_LENGTH) {
            throw new InvalidInputException("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (!Text.isWellFormed(name) || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("name", "must not contain control characters");
        }
        return name;
    }
}
