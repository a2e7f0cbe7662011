package dev.storefront.application.account;

import dev.storefront.domain.session.SessionPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * The account services' settings: session timeouts, and how long a password reset token lives
 * (30 minutes by default).
 */
public record AccountSettings(SessionPolicy sessions, Duration resetTokenLifetime) {
    public static final Duration DEFAULT_RESET_TOKEN_LIFETIME = Duration.ofMinutes(30);

    public AccountSettings {
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(resetTokenLifetime, "resetTokenLifetime");
        if (resetTokenLifetime.isNegative() || resetTokenLifetime.isZero()) {
            throw new IllegalArgumentException("resetTokenLifetime must be positive");
        }
    }

    public static AccountSettings defaults() {
        return new AccountSettings(SessionPolicy.defaults(), DEFAULT_RESET_TOKEN_LIFETIME);
    }
}
