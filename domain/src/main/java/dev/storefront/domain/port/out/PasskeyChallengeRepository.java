package dev.storefront.domain.port.out;

import dev.storefront.domain.passkey.ChallengePurpose;
import dev.storefront.domain.passkey.PasskeyChallenge;
import dev.storefront.domain.session.SessionHandle;
import java.time.Instant;
import java.util.Optional;

/**
 * Outstanding WebAuthn challenges, stored server-side so that any instance can check them. Each
 * is bound to the session it was issued to: a session holds at most one per purpose, a newer one
 * replacing the older.
 */
public interface PasskeyChallengeRepository {

    /** Stores the session's challenge for {@code purpose}, replacing an older one. */
    void issue(SessionHandle session, ChallengePurpose purpose, PasskeyChallenge challenge, Instant expiresAt);

    /**
     * Uses up the session's challenge for {@code purpose}: removes it and returns it if it is live
     * at {@code now}, in one step, so that of any number of concurrent callers at most one gets it.
     * An expired one is removed too and not returned.
     */
    Optional<PasskeyChallenge> consume(SessionHandle session, ChallengePurpose purpose, Instant now);

    /** @return how many expired challenges were removed */
    int deleteExpired(Instant now);
}
