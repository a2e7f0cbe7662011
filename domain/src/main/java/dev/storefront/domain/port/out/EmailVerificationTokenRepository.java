package dev.storefront.domain.port.out;

import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.EmailVerificationToken;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** Outstanding email verifications, by the digest of the token that was mailed; at most one per user. */
public interface EmailVerificationTokenRepository {

    /**
     * Stores the token as its user's only one: any older token of the user is gone (superseded),
     * also when two callers issue for one user at once.
     */
    void issue(EmailVerificationToken token);

    /**
     * Uses up the token with this digest: if it is live at {@code now}, removes it and returns it,
     * in one step, so that of any number of concurrent callers exactly one gets it. An expired token
     * is left for {@link #deleteExpired}.
     */
    Optional<EmailVerificationToken> consume(TokenDigest digest, Instant now);

    /** Ends the user's outstanding verification (a withdrawn change, an erased account); @return how many */
    int deleteAllOf(UserId userId);

    /** @return how many expired tokens were removed */
    int deleteExpired(Instant now);
}
