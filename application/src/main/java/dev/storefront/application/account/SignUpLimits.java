package dev.storefront.application.account;

import java.time.Duration;

/**
 * How many accounts and guest sessions one client address may create an hour (a call without an
 * address, from the host application itself, is not counted). Registrations cost a bcrypt hash
 * and answer whether a name or email is taken; guest sessions hold a cart each until they expire.
 */
public record SignUpLimits(int registrationsPerHour, int guestSessionsPerHour) {
    public static final Duration WINDOW = Duration.ofHours(1);
    public static final int DEFAULT_REGISTRATIONS_PER_HOUR = 30;
    /** Generous: an office, campus or mobile carrier may put hundreds of shoppers behind one address. */
    public static final int DEFAULT_GUEST_SESSIONS_PER_HOUR = 300;

    public SignUpLimits {
        if (registrationsPerHour < 1 || guestSessionsPerHour < 1) {
            throw new IllegalArgumentException("limits must be at least 1");
        }
    }

    public static SignUpLimits defaults() {
        return new SignUpLimits(DEFAULT_REGISTRATIONS_PER_HOUR, DEFAULT_GUEST_SESSIONS_PER_HOUR);
    }
}
