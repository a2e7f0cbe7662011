package dev.storefront.domain.user;

import dev.storefront.domain.common.RateLimitedException;
import java.time.Duration;

/** Too many verification mails asked for by this account. */
public class EmailVerificationThrottled extends RateLimitedException {
    private static final long serialVersionUID = 1L;

    public EmailVerificationThrottled(Duration retryAfter) {
        super("Too many verification mails requested; try again later", retryAfter);
    }
}
