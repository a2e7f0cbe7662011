package dev.storefront.domain.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One login throttle counter (see {@link dev.storefront.domain.port.out.LoginThrottle}): failures
 * count while each comes within {@link #WINDOW} of the one before or of the end of the last block
 * (15 quiet minutes start it afresh); past its free failures each failure blocks for a delay that
 * doubles from 1 s up to 15 minutes. The rules every throttle implementation shares.
 */
public record LoginFailureChain(int failures, Instant lastFailure, Instant blockedUntil) {
    /** Free failures per account and client address. */
    public static final int FREE_FAILURES = 5;
    /** Free failures per account across all addresses. */
    public static final int ACCOUNT_FREE_FAILURES = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    /** Failures one client address may make in {@link #ADDRESS_WINDOW}. */
    public static final int ADDRESS_LIMIT = 100;
    public static final Duration ADDRESS_WINDOW = Duration.ofHours(1);
    /** How long a parallel attempt refused by an attempt in flight is told to wait. */
    public static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(1);

    /** No failure yet. */
    public static final LoginFailureChain NONE = new LoginFailureChain(0, Instant.EPOCH, Instant.EPOCH);

    /** The later of the last failure and the end of the last block. */
    public Instant quietSince() {
        return blockedUntil.isAfter(lastFailure) ? blockedUntil : lastFailure;
    }

    /** When the chain has been quiet long enough to be forgotten (it blocks nothing then either). */
    public Instant forgetAt() {
        return quietSince().plus(WINDOW);
    }

    public boolean isStale(Instant now) {
        return forgetAt().isBefore(now);
    }

    public int failuresAt(Instant now) {
        return isStale(now) ? 0 : failures;
    }

    /** The chain after one more failure at {@code now}, blocking once past {@code freeFailures}. */
    public LoginFailureChain afterFailure(Instant now, int freeFailures) {
        int counted = failuresAt(now) + 1;
        int over = counted - freeFailures;
        return new LoginFailureChain(counted, now, over >= 0 ? now.plus(delay(over)) : blockedUntil);
    }

    public Optional<Duration> blockAt(Instant now) {
        return now.isBefore(blockedUntil) ? Optional.of(Duration.between(now, blockedUntil)) : Optional.empty();
    }

    /** The block after the {@code (free + over)}-th failure: 1 s doubled {@code over} times, capped. */
    public static Duration delay(int over) {
        if (over >= 20) {
            return MAX_DELAY;
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << over);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }
}
