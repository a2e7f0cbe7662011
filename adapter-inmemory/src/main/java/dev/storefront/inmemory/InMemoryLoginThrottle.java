package dev.storefront.inmemory;

import dev.storefront.domain.port.out.LoginThrottle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The default login throttle, in memory (one process). Per account: failures are counted while
 * each comes within 15 minutes of the one before (15 quiet minutes start the count afresh); from
 * the 5th on, each failure blocks the account for a delay that doubles from 1 s (1, 2, 4, … s) up
 * to 15 minutes. Attempts while blocked are refused without being checked and without extending
 * the block, so a real user is never locked out for more than 15 minutes. Per client address: at
 * most 100 failures in any hour. A success clears the account (not the address). Memory stays
 * bounded: idle entries are dropped.
 */
public final class InMemoryLoginThrottle implements LoginThrottle {
    public static final int FREE_FAILURES = 5;
    public static final Duration ACCOUNT_WINDOW = Duration.ofMinutes(15);
    public static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    public static final int ADDRESS_LIMIT = 100;
    public static final Duration ADDRESS_WINDOW = Duration.ofHours(1);
    private static final int CLEANUP_THRESHOLD = 10_000;

    private static final class Account {
        int failures;
        Instant lastFailure = Instant.MIN;
        Instant blockedUntil = Instant.MIN;

        boolean isStale(Instant now) {
            return lastFailure.plus(ACCOUNT_WINDOW).isBefore(now);
        }
    }

    private final Map<String, Account> accounts = new HashMap<>();
    private final Map<String, Deque<Instant>> addresses = new HashMap<>();

    @Override
    public synchronized Optional<Duration> retryAfter(String account, String clientAddress, Instant now) {
        Account state = accounts.get(account);
        if (state != null && now.isBefore(state.blockedUntil)) {
            return Optional.of(Duration.between(now, state.blockedUntil));
        }
        Deque<Instant> failures = addresses.get(clientAddress);
        if (failures != null) {
            prune(failures, now.minus(ADDRESS_WINDOW));
            if (failures.size() >= ADDRESS_LIMIT) {
                return Optional.of(Duration.between(now, failures.peekFirst().plus(ADDRESS_WINDOW)));
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized void recordFailure(String account, String clientAddress, Instant now) {
        cleanUpIfLarge(now);
        Account state = accounts.computeIfAbsent(account, k -> new Account());
        if (state.failures > 0 && state.isStale(now)) {
            state.failures = 0;
        }
        state.failures++;
        state.lastFailure = now;
        int over = state.failures - FREE_FAILURES;
        if (over >= 0) {
            state.blockedUntil = now.plus(delay(over));
        }
        Deque<Instant> failures = addresses.computeIfAbsent(clientAddress, k -> new ArrayDeque<>());
        prune(failures, now.minus(ADDRESS_WINDOW));
        failures.addLast(now);
    }

    @Override
    public synchronized void recordSuccess(String account, Instant now) {
        accounts.remove(account);
    }

    /** The block after the {@code (FREE_FAILURES + over)}-th failure: 1 s doubled {@code over} times, capped. */
    static Duration delay(int over) {
        if (over >= 20) {
            return MAX_DELAY;
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << over);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private static void prune(Deque<Instant> failures, Instant cutoff) {
        while (!failures.isEmpty() && !failures.peekFirst().isAfter(cutoff)) {
            failures.removeFirst();
        }
    }

    private void cleanUpIfLarge(Instant now) {
        if (accounts.size() > CLEANUP_THRESHOLD) {
            for (Iterator<Account> it = accounts.values().iterator(); it.hasNext(); ) {
                Account state = it.next();
                if (state.isStale(now) && !now.isBefore(state.blockedUntil)) {
                    it.remove();
                }
            }
        }
        if (addresses.size() > CLEANUP_THRESHOLD) {
            for (Iterator<Deque<Instant>> it = addresses.values().iterator(); it.hasNext(); ) {
                Deque<Instant> failures = it.next();
                prune(failures, now.minus(ADDRESS_WINDOW));
                if (failures.isEmpty()) {
                    it.remove();
                }
            }
        }
    }
}
