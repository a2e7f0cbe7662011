package dev.storefront.domain.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a secret token (session id, reset token), in lower-case hex: what the store keeps
 * instead of the token, so a leaked table does not give away live sessions.
 */
public record TokenDigest(String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public TokenDigest {
        Objects.requireNonNull(hex, "hex");
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a token digest is 64 lower-case hex digits");
        }
    }

    /** Equality in constant time (for comparisons that touch secrets' digests). */
    public boolean matches(TokenDigest other) {
        return other != null && MessageDigest.isEqual(hex.getBytes(StandardCharsets.US_ASCII),
                other.hex.getBytes(StandardCharsets.US_ASCII));
    }
}
