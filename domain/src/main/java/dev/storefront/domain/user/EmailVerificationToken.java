package dev.storefront.domain.user;

import dev.storefront.domain.session.TokenDigest;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An outstanding email verification, as stored: the digest of the token that was mailed, and the
 * address it was mailed to. The token confirms that address only: a token sent to an earlier
 * pending address cannot confirm a later one.
 */
public record EmailVerificationToken(TokenDigest digest, UserId userId, Email email, Instant createdAt,
                                     Instant expiresAt) {
    public EmailVerificationToken {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a verification token must expire after it was created");
        }
    }

    public boolean isValidAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /**
     * The address a verification mail goes to now: the pending one while a change waits, else the
     * current one unless it is verified already (then there is nothing to verify).
     */
    public static Optional<Email> addressToVerify(User user) {
        return user.pendingEmailChange().or(() -> user.emailVerified() ? Optional.empty() : Optional.of(user.email()));
    }

    /**
     * The user once this token's address is confirmed: the pending address becomes the (verified)
     * email, or the unverified current one becomes verified. Empty when the token's address is
     * neither (the change was withdrawn or replaced meanwhile).
     */
    public Optional<User> confirm(User user) {
        if (!user.id().equals(userId)) {
            return Optional.empty();
        }
        if (user.pendingEmailChange().filter(email::equals).isPresent()) {
            return Optional.of(user.withEmail(email).withEmailVerified(true).withPendingEmail(null));
        }
        if (user.pendingEmailChange().isEmpty() && !user.emailVerified() && user.email().equals(email)) {
            return Optional.of(user.withEmailVerified(true));
        }
        return Optional.empty();
    }
}
