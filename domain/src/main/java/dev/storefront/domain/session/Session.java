package dev.storefront.domain.session;

import dev.storefront.domain.common.Text;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A server-side session as stored. {@code userId} is null for a guest session (one that holds a
 * cart before login). {@code expiresAt} is the absolute end; the idle end moves with
 * {@code lastSeenAt}. {@code userAgent} is informational (shown in the session list), may be null.
 */
public record Session(SessionHandle handle, TokenDigest digest, UserId userId, String userAgent,
                      Instant createdAt, Instant lastSeenAt, Instant expiresAt) {
    public static final int MAX_USER_AGENT = 256;

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
    }

    /** A new session starting now, for a user or (with a null user) a guest. */
    public static Session start(SessionHandle handle, TokenDigest digest, UserId userId, String userAgent,
                                Instant now, SessionPolicy policy) {
        return new Session(handle, digest, userId, userAgent, now, now, now.plus(policy.maxLifetime()));
    }

    /** Rebuilds a session from storage. */
    public static Session restore(SessionHandle handle, TokenDigest digest, UserId userId, String userAgent,
                                  Instant createdAt, Instant lastSeenAt, Instant expiresAt) {
        return new Session(handle, digest, userId, userAgent, createdAt, lastSeenAt, expiresAt);
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
        return new Session(handle, digest, userId, userAgent, createdAt, now, expiresAt);
    }

    /** Printable, single-line, bounded: it is shown back to the user and may end up in a log line. */
    static String clean(String userAgent) {
        return Text.printable(userAgent, MAX_USER_AGENT);
    }
}
