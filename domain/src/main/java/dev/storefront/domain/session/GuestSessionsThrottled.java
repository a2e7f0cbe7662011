package dev.storefront.domain.session;

import dev.storefront.domain.common.RateLimitedException;
import java.time.Duration;

/** Too many guest sessions started from this client address. */
public class GuestSessionsThrottled extends RateLimitedException {
    private static final long serialVersionUID = 1L;

    public GuestSessionsThrottled(Duration retryAfter) {
        super("Too many new guest sessions from this address; try again later", retryAfter);
    }
}
