package dev.storefront.domain.user;

import dev.storefront.domain.common.RateLimitedException;
import java.time.Duration;

/** Too many registrations from this client address. */
public class RegistrationThrottled extends RateLimitedException {
    private static final long serialVersionUID = 1L;

    public RegistrationThrottled(Duration retryAfter) {
        super("Too many registrations from this address; try again later", retryAfter);
    }
}
