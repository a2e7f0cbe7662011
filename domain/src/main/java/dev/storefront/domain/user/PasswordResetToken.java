package dev.storefront.domain.user;

import dev.storefront.domain.session.TokenDigest;
import java.time.Instant;
import java.util.Objects;

/** An outstanding password reset, as stored: only the digest of the token the user was sent. */
public record PasswordResetToken(TokenDigest digest, UserId userId, Instant createdAt, Instant expiresAt) {
    public PasswordResetToken {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a reset token must expire after it was created");
        }
    }

    public boolean isValidAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
