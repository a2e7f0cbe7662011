package dev.storefront.domain.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered user. Immutable: changes return a new {@code User} for the repository to save.
 * {@code lastLoginAt} is null until the first login.
 */
public record User(UserId id, Username username, Email email, PasswordHash passwordHash, Role role,
                   Instant createdAt, Instant lastLoginAt) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Rebuilds a user from storage. */
    public static User restore(UserId id, Username username, Email email, PasswordHash passwordHash, Role role,
                               Instant createdAt, Instant lastLoginAt) {
        return new User(id, username, email, passwordHash, role, createdAt, lastLoginAt);
    }

    public Optional<Instant> lastLogin() {
        return Optional.ofNullable(lastLoginAt);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public User loggedInAt(Instant at) {
        return new User(id, username, email, passwordHash, role, createdAt, Objects.requireNonNull(at, "at"));
    }

    public User withPasswordHash(PasswordHash hash) {
        return new User(id, username, email, Objects.requireNonNull(hash, "hash"), role, createdAt, lastLoginAt);
    }

    public User withUsername(Username name) {
        return new User(id, Objects.requireNonNull(name, "name"), email, passwordHash, role, createdAt, lastLoginAt);
    }

    public User withEmail(Email address) {
        return new User(id, username, Objects.requireNonNull(address, "address"), passwordHash, role, createdAt, lastLoginAt);
    }

    public User withRole(Role newRole) {
        return new User(id, username, email, passwordHash, Objects.requireNonNull(newRole, "newRole"), createdAt, lastLoginAt);
    }
}
