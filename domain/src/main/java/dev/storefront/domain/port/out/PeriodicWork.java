package dev.storefront.domain.port.out;

import java.time.Duration;
import java.time.Instant;

/**
 * Rounds of periodic work (the sweeps of sessions, idempotency keys, shared limits, stalled catalog
 * imports) shared by every instance on one store, so that each round runs once for the whole
 * cluster however many instances schedule it.
 */
@FunctionalInterface
public interface PeriodicWork {

    /**
     * Claims round {@code name} at {@code now}: true when this caller may run it, which is when no
     * caller (of any instance on the store) has claimed it within {@code interval} before {@code now}.
     * Of concurrent callers at most one gets true; the claim holds even if the caller then fails.
     */
    boolean claimRound(String name, Instant now, Duration interval);
}
