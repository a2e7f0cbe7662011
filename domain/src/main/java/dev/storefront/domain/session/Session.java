package dev.storefront.domain.session;

import dev.storefront.domain.common.Text;
import dev.storefront.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A server-side session as stored. {@code userId} is null for a guest session (one that holds a
 * cart before login). {@code expiresAt} is the absolute end; the idle end moves with
 * {@code lastSeenAt}. {@code userAgent} is informational (shown in the session list), may be null.
 *
 * <p>A session {@code pendingSecondFactor} belongs to a user who gave the right password and still
 * owes the second factor: it lasts {@link #PENDING_LIFETIME} and grants nothing but completing that
 * login. {@code guestSession} (only on such a session, may be null) is the digest of the guest
 * session the client held before, whose cart the completed login takes over.
 */
public record Session(SessionHandle handle, TokenDigest digest, UserId userId, String userAgent,
                      Instant createdAt, Instant lastSeenAt, Instant expiresAt, boolean pendingSecondFactor,
                      TokenDigest guestSession) {
    public static final int MAX_USER_AGENT = 256;
    public static final Duration PENDING_LIFETIME = Duration.ofMinutes(5);

    public Session {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a session must expire after it was created");
        }
        if (userAgent != null) {
            userAgent = clean(userAgent);
        }
        if (pendingSecondFactor && userId == null) {
            throw new IllegalArgumentException("a session pending a second factor belongs to a user");
        }
        if (!pendingSecondFactor && guestSession != null) {
            throw new IllegalArgumentException("only a session pending a second factor remembers a guest session");
        }
    }

    /** A complete (guest or user) session. */
    public Session(SessionHandle handle, TokenDigest digest, UserId userId, String userAgent,
                   Instant createdAt, Instant lastSeenAt, Instant expiresAt) {
        this(handle, digest, userId, userAgent, createdAt, lastSeenAt, expiresAt, false, null);
    }

    /** A new session starting now, for a user or (with a null user) a guest. */
    public static Session start(SessionHandle handle, TokenDigest digest, UserId userId, String userAgent,
                                Instant now, SessionPolicy policy) {
        return new Session(handle, digest, userId, userAgent, now, now, now.plus(policy.maxLifetime()));
    }

    /**
     * A session for a user who still owes the second factor, starting now, ending after
     * {@link #PENDING_LIFETIME} (or the policy's lifetime, when that is shorter).
     *
     * @param guestSession the digest of the client's guest session to hand over on completion, or null
     */
    public static Session pendingSecondFactor(SessionHandle handle, TokenDigest digest, UserId userId,
                                              String userAgent, Instant now, SessionPolicy policy,
                                              TokenDigest guestSession) {
        Duration lifetime = policy.maxLifetime().compareTo(PENDING_LIFETIME) < 0 ? policy.maxLifetime() : PENDING_LIFETIME;
        return new Session(handle, digest, Objects.requireNonNull(userId, "userId"), userAgent, now, now,
                now.plus(lifetime), true, guestSession);
    }

    /** Rebuilds a session from storage. */
    public static Session restore(SessionHandle handle, TokenDigest digest, UserId userId, String userAgent,
                                  Instant createdAt, Instant lastSeenAt, Instant expiresAt) {
        return new Session(handle, digest, userId, userAgent, createdAt, lastSeenAt, expiresAt);
    }

    /** Rebuilds a session from storage, pending a second factor or not. */
    public static Session restore(SessionHandle handle, TokenDigest digest, UserId userId, String userAgent,
                                  Instant createdAt, Instant lastSeenAt, Instant expiresAt,
                                  boolean pendingSecondFactor, TokenDigest guestSession) {
        return new Session(handle, digest, userId, userAgent, createdAt, lastSeenAt, expiresAt, pendingSecondFactor,
                guestSession);
    }

    /** The guest session a pending login takes over when it completes. */
    public Optional<TokenDigest> handedOverGuest() {
        return Optional.ofNullable(guestSession);
    }

    public Optional<UserId> user() {
        return Optional.ofNullable(userId);
    }

    public boolean isGuest() {
        return userId == null;
    }

    /** Neither past its absolute lifetime nor idle for longer than the policy allows. */
    public boolean isActiveAt(Instant now, SessionPolicy policy) {
        return now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(policy.idleTimeout()));
    }

    /** Whether a request now should record itself in {@code lastSeenAt}. */
    public boolean needsTouch(Instant now, SessionPolicy policy) {
        return !lastSeenAt.plus(policy.touchInterval()).isAfter(now);
    }

    public Session touchedAt(Instant now) {
        return new Session(handle, digest, userId, userAgent, createdAt, now, expiresAt, pendingSecondFactor,
                guestSession);
    }

    /** Printable, single-line, bounded: it is shown back to the user and may end up in a log line. */
    static String clean(String userAgent) {
        return Text.printable(userAgent, MAX_USER_AGENT);
    }
}
