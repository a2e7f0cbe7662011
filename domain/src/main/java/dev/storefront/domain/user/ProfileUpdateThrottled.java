package dev.storefront.domain.user;

import dev.storefront.domain.common.RateLimitedException;
import java.time.Duration;

/** Too many profile changes for this account. */
public class ProfileUpdateThrottled extends RateLimitedException {
    private static final long serialVersionUID = 1L;

    public ProfileUpdateThrottled(Duration retryAfter) {
        super("Too many profile changes; try again later", retryAfter);
    }
}
