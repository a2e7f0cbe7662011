package dev.storefront.domain.user;

import dev.storefront.domain.common.RateLimitedException;
import java.time.Duration;

/** Too many failed logins for this account or from this address; the same answer whatever the password. */
public class LoginThrottled extends RateLimitedException {
    private static final long serialVersionUID = 1L;

    public LoginThrottled(Duration retryAfter) {
        super("Too many failed logins; try again later", retryAfter);
    }
}
