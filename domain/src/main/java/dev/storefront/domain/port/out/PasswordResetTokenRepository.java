package dev.storefront.domain.port.out;

import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.PasswordResetToken;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** Outstanding password resets, stored by the digest of the token that was sent. */
public interface PasswordResetTokenRepository {

    /**
     * Stores a token for the user whose email is {@code email}, if there is one, and drops that
     * user's oldest tokens beyond the newest {@code maxLive}. For an unknown email it does the same
     * work and stores nothing: a reset request must cost the same whether or not the email is known.
     * Concurrent calls for one email keep the bound only if each caller holds
     * {@link LockKey#passwordResets(Email)} ({@link Locks}) first.
     */
    void issue(Email email, TokenDigest digest, Instant createdAt, Instant expiresAt, int maxLive);

    /** The token with this digest, expired or not. */
    Optional<PasswordResetToken> findByDigest(TokenDigest digest);

    /**
     * Uses up the token with this digest: if it is live at {@code now}, removes it and returns it,
     * in one step, so that of any number of concurrent callers exactly one gets it. An expired token
     * is left for {@link #deleteExpired}.
     */
    Optional<PasswordResetToken> consume(TokenDigest digest, Instant now);

    /** Ends every outstanding reset of the user (used, or the password changed); @return how many */
    int deleteByUser(UserId userId);

    /** @return how many expired tokens were removed */
    int deleteExpired(Instant now);
}
