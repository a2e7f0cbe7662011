package dev.storefront.domain.user;

import dev.storefront.domain.common.RateLimitedException;
import java.time.Duration;

/** Too many reset requests for this email or from this address (answered alike for known and unknown emails). */
public class PasswordResetThrottled extends RateLimitedException {
    private static final long serialVersionUID = 1L;

    public PasswordResetThrottled(Duration retryAfter) {
        super("Too many password reset requests; try again later", retryAfter);
    }
}
