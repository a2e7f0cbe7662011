package dev.storefront.domain.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Counts failed logins and says when to refuse further attempts (see api.md, amended 2026-12-01):
 * per account <em>and</em> client address, after 5 failures within 15 minutes the delay doubles from
 * 1 s up to 15 minutes; per account across all addresses the same happens after 20 failures; at most
 * 100 failures an hour from one address. So an outsider alone cannot lock the owner out, and
 * distributed guessing stays bounded. {@code account} is an opaque key the caller derives the same
 * way for known and unknown accounts.
 */
public interface LoginThrottle {

    /**
     * How long a reservation made by {@link #begin} lasts when it is never settled (the node
     * checking it crashed): longer than any password check, short enough not to lock anyone out.
     */
    Duration LEASE = Duration.ofSeconds(30);

    /**
     * Reserves an attempt for {@code account} from {@code clientAddress}: empty when it may go
     * ahead, otherwise how long the caller must wait. While one attempt for an account from an
     * address is being checked, another from that address is refused (a burst of parallel guesses
     * cannot slip past the count); attempts from other addresses are not held up by it, unless the
     * attempts in flight would overrun the account-wide budget. An attempt that went ahead is
     * settled by {@link #recordFailure}, {@link #recordSuccess} or {@link #release}; unsettled, its
     * reservation lapses {@link #LEASE} after {@code now}.
     */
    Optional<Duration> begin(String account, String clientAddress, Instant now);

    /** The attempt failed: it counts against the account, the account from this address, and the address. */
    void recordFailure(String account, String clientAddress, Instant now);

    /** A successful login resets this address's counter for the account (nothing else) and ends the reservation. */
    void recordSuccess(String account, String clientAddress, Instant now);

    /** Ends a reservation without a verdict (the check could not be made, or confirmed nothing). */
    void release(String account, String clientAddress);
}
