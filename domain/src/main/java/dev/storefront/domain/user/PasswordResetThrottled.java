package dev.storefront.domain.user;

import dev.storefront.domain.common.RateLimitedException;
import java.time.Duration;

/**
 * Too many reset requests for this email or from this address (answered alike for known and unknown
 * emails). Within the limits no request drops a live link, so the links already mailed still work.
 */
public class PasswordResetThrottled extends RateLimitedException {
    private static final long serialVersionUID = 1L;

    public PasswordResetThrottled(Duration retryAfter) {
        // The owner asking again needs to know the mailbox already holds working links.
        super("Too many password reset requests; try again later. Any reset links already sent still work"
                + " until they expire", retryAfter);
    }
}
