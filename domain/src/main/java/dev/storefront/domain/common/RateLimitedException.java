package dev.storefront.domain.common;

import java.time.Duration;
import java.util.Objects;

/** Too many attempts; the caller may try again after {@link #retryAfter()}. */
public class RateLimitedException extends DomainException {
    private static final long serialVersionUID = 1L;
    private final Duration retryAfter;

    public RateLimitedException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter must not be negative");
        }
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
