package dev.storefront.domain.port.out;

import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.TotpCredential;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Users' TOTP credentials (at most one each, pending or confirmed) and recovery codes (their
 * digests). Joins the caller's transaction. The two uses of a code are atomic on every engine
 * (conditional writes whose row count decides), so of two concurrent uses exactly one wins.
 */
public interface TotpRepository {

    /** Stores a pending (unconfirmed) credential, replacing the user's earlier one. */
    void savePending(UserId user, String sealedSecret, Instant at);

    Optional<TotpCredential> find(UserId user);

    /** Marks the user's credential confirmed; @return whether there was one */
    boolean confirm(UserId user);

    /**
     * Records that the code of {@code step} was used, if no code of it or a later step was
     * before; @return whether it was recorded (false: a replay, or no credential)
     */
    boolean useStep(UserId user, long step);

    /** Replaces all of the user's recovery codes by these. */
    void replaceRecoveryCodes(UserId user, List<TokenDigest> codes);

    /** Uses up the recovery code with this digest; @return whether it was one of the user's, unused */
    boolean useRecoveryCode(UserId user, TokenDigest code);

    int recoveryCodesLeft(UserId user);

    /** Erases the user's credential and recovery codes (disabling, account deletion). */
    void deleteAllOf(UserId user);
}
