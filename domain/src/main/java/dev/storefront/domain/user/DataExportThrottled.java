package dev.storefront.domain.user;

import dev.storefront.domain.common.RateLimitedException;
import java.time.Duration;

/** Too many exports of this account's data (each one reads everything stored about it). */
public class DataExportThrottled extends RateLimitedException {
    private static final long serialVersionUID = 1L;

    public DataExportThrottled(Duration retryAfter) {
        super("Too many data exports; try again later", retryAfter);
    }
}
