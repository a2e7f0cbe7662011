package dev.storefront.domain.port.out;

import dev.storefront.domain.user.Password;
import dev.storefront.domain.user.PasswordHash;

/**
 * One-way password hashing (bcrypt in production). Passwords arrive NFC-normalised. Every method
 * that hashes or verifies is slow on purpose; callers keep them out of transactions.
 */
public interface PasswordHasher {

    /** @throws IllegalArgumentException when the password is too long for the algorithm (never truncated) */
    PasswordHash hash(Password password);

    /**
     * Whether the password matches the hash. Never throws for a malformed hash or an over-long
     * password: both are a mismatch, and cost one full verification like any other.
     */
    boolean verify(Password password, PasswordHash hash);

    /** Whether the hash was made with weaker settings than the current ones (and should be replaced). */
    boolean needsRehash(PasswordHash hash);

    /**
     * A valid hash at the current settings that no password the caller knows matches: verifying an
     * unknown user's password against it costs the same as verifying a real user's.
     */
    PasswordHash dummyHash();
}
