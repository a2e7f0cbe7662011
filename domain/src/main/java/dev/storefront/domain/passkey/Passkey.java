package dev.storefront.domain.passkey;

import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered passkey, as stored. {@code credentialId} is the authenticator's id for it (base64url);
 * {@code credentialData} is the public key material the verifier stored at registration, opaque to
 * the domain; {@code signCount} the authenticator's signature counter as last seen.
 */
public record Passkey(PasskeyId id, UserId userId, String credentialId, String credentialData, long signCount,
                      String name, Instant createdAt, Instant lastUsedAt) {
    public Passkey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(credentialId, "credentialId");
        Objects.requireNonNull(credentialData, "credentialData");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        if (signCount < 0) {
            throw new IllegalArgumentException("a signature counter is not negative");
        }
    }

    public Optional<Instant> lastUsed() {
        return Optional.ofNullable(lastUsedAt);
    }

    /**
     * Whether an assertion's counter may follow the stored one. Authenticators that keep no counter
     * send 0 every time (allowed while both are 0); otherwise the counter must have grown, or the
     * key may have been cloned (WebAuthn §6.1.1).
     */
    public boolean acceptsCounter(long presented) {
        return (signCount == 0 && presented == 0) || presented > signCount;
    }
}
