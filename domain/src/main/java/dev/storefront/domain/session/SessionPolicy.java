package dev.storefront.domain.session;

import java.time.Duration;
import java.util.Objects;

/**
 * How long sessions live: {@code idleTimeout} without requests, {@code maxLifetime} however
 * active. {@code touchInterval} is how stale {@code lastSeenAt} may get before a request writes it
 * again (so that not every request is a database write).
 */
public record SessionPolicy(Duration idleTimeout, Duration maxLifetime, Duration touchInterval) {
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
    public static final Duration DEFAULT_MAX = Duration.ofDays(7);

    public SessionPolicy {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(maxLifetime, "maxLifetime");
        Objects.requireNonNull(touchInterval, "touchInterval");
        if (idleTimeout.isNegative() || idleTimeout.isZero() || maxLifetime.isNegative() || maxLifetime.isZero()) {
            throw new IllegalArgumentException("session timeouts must be positive");
        }
        if (touchInterval.isNegative() || touchInterval.compareTo(idleTimeout) >= 0) {
            throw new IllegalArgumentException("touchInterval must be shorter than idleTimeout");
        }
    }

    public SessionPolicy(Duration idleTimeout, Duration maxLifetime) {
        this(idleTimeout, maxLifetime, idleTimeout.dividedBy(30).compareTo(Duration.ofMinutes(1)) < 0
                ? idleTimeout.dividedBy(30) : Duration.ofMinutes(1));
    }

    public static SessionPolicy defaults() {
        return new SessionPolicy(DEFAULT_IDLE, DEFAULT_MAX);
    }
}
