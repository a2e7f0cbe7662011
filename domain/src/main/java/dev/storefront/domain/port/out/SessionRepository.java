package dev.storefront.domain.port.out;

import dev.storefront.domain.session.Session;
import dev.storefront.domain.session.SessionHandle;
import dev.storefront.domain.session.SessionWithUser;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Server-side sessions, found by the digest of their secret id. Reads return sessions whether or
 * not they have expired (the caller decides with the policy); expired ones are removed in bulk by
 * {@link #deleteExpired}, periodically, not one by one on reads.
 */
public interface SessionRepository {

    /** @throws IllegalStateException when the digest or the handle is already in use */
    void add(Session session);

    Optional<Session> findByDigest(TokenDigest digest);

    /**
     * The session with this digest and, unless it is a guest's, its user, read together: resolving
     * the session of every request takes one statement instead of two. A user's session whose user
     * no longer exists is not found.
     */
    Optional<SessionWithUser> findWithUser(TokenDigest digest);

    /** The user's sessions, most recently seen first. */
    List<Session> findByUser(UserId userId);

    /** Records activity; does nothing when the session is gone. */
    void touch(TokenDigest digest, Instant lastSeenAt);

    /** @return whether a session was deleted */
    boolean delete(TokenDigest digest);

    /** Deletes the session with this handle if it belongs to the user; @return whether it did */
    boolean deleteByHandle(UserId userId, SessionHandle handle);

    /** Deletes every session of the user; @return how many */
    int deleteByUser(UserId userId);

    /** Deletes every session of the user but the one with {@code keep}; @return how many */
    int deleteByUserExcept(UserId userId, TokenDigest keep);

    /**
     * Deletes at most {@code limit} sessions past their absolute lifetime ({@code expiresAt <= now})
     * or idle since before {@code idleCutoff} ({@code lastSeenAt <= idleCutoff}); @return how many.
     * A sweep calls it until it deletes fewer than {@code limit}, one transaction per call, so
     * that other writes get in between however many sessions expired.
     */
    int deleteExpired(Instant now, Instant idleCutoff, int limit);
}
