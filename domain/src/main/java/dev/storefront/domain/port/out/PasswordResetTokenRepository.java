package dev.storefront.domain.port.out;

import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.PasswordResetToken;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** Outstanding password resets, stored by the digest of the token that was sent. */
public interface PasswordResetTokenRepository {

    void add(PasswordResetToken token);

    /** The token with this digest, expired or not. */
    Optional<PasswordResetToken> findByDigest(TokenDigest digest);

    /** Ends every outstanding reset of the user (superseded, used, or the password changed); @return how many */
    int deleteByUser(UserId userId);

    /** @return how many expired tokens were removed */
    int deleteExpired(Instant now);
}
