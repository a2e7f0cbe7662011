package dev.storefront.domain.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts failed logins per account and per client address and says when to refuse further attempts
 * (see api.md: after 5 failures for one account within 15 minutes, the delay doubles from 1 s up to
 * 15 minutes; at most 100 failures an hour from one address). {@code account} is an opaque key the
 * caller derives the same way for known and unknown accounts.
 */
public interface LoginThrottle {

    /** How long the caller must wait before this attempt may be checked; empty when it may go ahead. */
    Optional<Duration> retryAfter(String account, String clientAddress, Instant now);

    void recordFailure(String account, String clientAddress, Instant now);

    /** A successful login resets the account's counter (not the address's). */
    void recordSuccess(String account, Instant now);
}
