package dev.storefront.domain.user;

import java.time.Instant;
import java.util.Objects;

/** A user about to be stored, before the store gave it an id. */
public record NewUser(Username username, Email email, PasswordHash passwordHash, Role role, Instant createdAt) {
    public NewUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A customer registering now. */
    public static NewUser customer(Username username, Email email, PasswordHash passwordHash, Instant now) {
        return new NewUser(username, email, passwordHash, Role.CUSTOMER, now);
    }
}
