package dev.storefront.domain.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A registered user. Immutable: changes return a new {@code User} for the repository to save.
 * {@code lastLoginAt} is null until the first login; {@code pendingEmail} is null unless an email
 * change waits for its confirmation (login by email always uses {@code email}).
 */
public record User(UserId id, Username username, Email email, PasswordHash passwordHash, Role role,
                   Instant createdAt, Instant lastLoginAt, boolean emailVerified, Email pendingEmail,
                   SecondFactors secondFactors) {
    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(secondFactors, "secondFactors");
    }

    /** Rebuilds a user from storage. */
    public static User restore(UserId id, Username username, Email email, PasswordHash passwordHash, Role role,
                               Instant createdAt, Instant lastLoginAt, boolean emailVerified, Email pendingEmail,
                               SecondFactors secondFactors) {
        return new User(id, username, email, passwordHash, role, createdAt, lastLoginAt, emailVerified, pendingEmail,
                secondFactors);
    }

    /** A user just stored: unverified, nothing pending, no second factor. */
    public static User registered(UserId id, NewUser user) {
        return new User(id, user.username(), user.email(), user.passwordHash(), user.role(), user.createdAt(), null,
                false, null, SecondFactors.NONE);
    }

    public Optional<Instant> lastLogin() {
        return Optional.ofNullable(lastLoginAt);
    }

    public Optional<Email> pendingEmailChange() {
        return Optional.ofNullable(pendingEmail);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** Whether a password alone does not complete a login. */
    public boolean requiresSecondFactor() {
        return secondFactors.totp();
    }

    public User loggedInAt(Instant at) {
        return new User(id, username, email, passwordHash, role, createdAt, Objects.requireNonNull(at, "at"),
                emailVerified, pendingEmail, secondFactors);
    }

    public User withPasswordHash(PasswordHash hash) {
        return new User(id, username, email, Objects.requireNonNull(hash, "hash"), role, createdAt, lastLoginAt,
                emailVerified, pendingEmail, secondFactors);
    }

    public User withUsername(Username name) {
        return new User(id, Objects.requireNonNull(name, "name"), email, passwordHash, role, createdAt, lastLoginAt,
                emailVerified, pendingEmail, secondFactors);
    }

    /** The address itself, as it is: whether it is verified stays the caller's decision. */
    public User withEmail(Email address) {
        return new User(id, username, Objects.requireNonNull(address, "address"), passwordHash, role, createdAt,
                lastLoginAt, emailVerified, pendingEmail, secondFactors);
    }

    public User withRole(Role newRole) {
        return new User(id, username, email, passwordHash, Objects.requireNonNull(newRole, "newRole"), createdAt,
                lastLoginAt, emailVerified, pendingEmail, secondFactors);
    }

    public User withEmailVerified(boolean verified) {
        return new User(id, username, email, passwordHash, role, createdAt, lastLoginAt, verified, pendingEmail,
                secondFactors);
    }

    /** {@code null} clears the pending change. */
    public User withPendingEmail(Email address) {
        return new User(id, username, email, passwordHash, role, createdAt, lastLoginAt, emailVerified, address,
                secondFactors);
    }

    public User withSecondFactors(SecondFactors factors) {
        return new User(id, username, email, passwordHash, role, createdAt, lastLoginAt, emailVerified, pendingEmail,
                Objects.requireNonNull(factors, "factors"));
    }
}
