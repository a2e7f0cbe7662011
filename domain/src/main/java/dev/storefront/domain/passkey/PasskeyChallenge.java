package dev.storefront.domain.passkey;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A WebAuthn challenge: 32 random bytes, base64url without padding (43 characters). It is no
 * secret (the browser and the authenticator see it); what matters is that it is used once.
 */
public record PasskeyChallenge(String value) {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    public PasskeyChallenge {
        Objects.requireNonNull(value, "value");
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a challenge is 32 bytes in base64url");
        }
    }
}
