package dev.storefront.domain.passkey;

import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/** A passkey just verified at registration, to be stored. */
public record NewPasskey(UserId userId, String credentialId, String credentialData, long signCount, String name,
                         Instant createdAt) {
    public NewPasskey {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(credentialData, "credentialData");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        if (signCount < 0) {
            throw new IllegalArgumentException("a signature counter is not negative");
        }
    }
}
