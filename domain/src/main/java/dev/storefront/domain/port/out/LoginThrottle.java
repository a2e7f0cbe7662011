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

    /**
     * Reserves an attempt for {@code account}: empty when it may go ahead, otherwise how long the
     * caller must wait. While one attempt for an account is being checked, another for the same
     * account is refused (so a burst of parallel guesses cannot slip past the count). An attempt
     * that went ahead is settled by {@link #recordFailure}, {@link #recordSuccess} or {@link #release}.
     */
    Optional<Duration> begin(String account, String clientAddress, Instant now);

    /** The attempt failed: it counts against the account and the address, and ends the reservation. */
    void recordFailure(String account, String clientAddress, Instant now);

    /** A successful login resets the account's counter (not the address's) and ends the reservation. */
    void recordSuccess(String account, Instant now);

    /** Ends a reservation without a verdict (the check could not be made). */
    void release(String account);
}
