package dev.storefront.domain.user;

import java.util.Objects;

/** A password hash in the hasher's own encoding (for bcrypt {@code $2y$12$…}). Opaque to the domain. */
public record PasswordHash(String encoded) {
    public PasswordHash {
        Objects.requireNonNull(encoded, "encoded");
        if (encoded.isBlank()) {
            throw new IllegalArgumentException("a password hash must not be blank");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[hidden]";
    }
}
