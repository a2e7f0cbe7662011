package dev.storefront.inmemory;

import dev.storefront.domain.port.out.LoginThrottle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The default login throttle, in memory (one process). Per account: failures are counted while
 * each comes within 15 minutes of the one before or of the end of the last block (15 quiet
 * minutes start the count afresh); from the 5th on, each failure blocks the account for a delay
 * that doubles from 1 s (1, 2, 4, … s) up to 15 minutes. Attempts while blocked are refused
 * without being checked and without extending the block, so a real user is never locked out for
 * more than 15 minutes at a time, while an attacker at the cap gets one guess per 15 minutes. One
 * attempt per account is checked at a time; a parallel one is refused for a second. Per client
 * address: at most 100 failures in any hour. A success clears the account (not the address).
 * Memory stays bounded: idle entries are dropped and each map holds at most
 * {@value #MAX_ENTRIES} keys (the least recently used go first).
 */
public final class InMemoryLoginThrottle implements LoginThrottle {
    public static final int FREE_FAILURES = 5;
    public static final Duration ACCOUNT_WINDOW = Duration.ofMinutes(15);
    public static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    public static final int ADDRESS_LIMIT = 100;
    public static final Duration ADDRESS_WINDOW = Duration.ofHours(1);
    private static final int CLEANUP_THRESHOLD = 10_000;
    static final int MAX_ENTRIES = 100_000;
    /** How long a parallel attempt for an account that is being checked is told to wait. */
    static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(1);

    private static final class Account {
        int failures;
        Instant lastFailure = Instant.MIN;
        Instant blockedUntil = Instant.MIN;

        /** Quiet since the later of the last failure and the end of the last block. */
        boolean isStale(Instant now) {
            Instant quietSince = blockedUntil.isAfter(lastFailure) ? blockedUntil : lastFailure;
            return quietSince.plus(ACCOUNT_WINDOW).isBefore(now);
        }
    }

    private final Map<String, Account> accounts = bounded();
    private final Map<String, Deque<Instant>> addresses = bounded();
    private final Set<String> inFlight = new HashSet<>();
    private Instant lastCleanUp = Instant.MIN;

    private static <V> Map<String, V> bounded() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_ENTRIES;
            }
        };
    }

    @Override
    public synchronized Optional<Duration> begin(String account, String clientAddress, Instant now) {
        Optional<Duration> wait = retryAfter(account, clientAddress, now);
        if (wait.isPresent()) {
            return wait;
        }
        if (!inFlight.add(account)) {
            return Optional.of(IN_FLIGHT_WAIT);
        }
        return Optional.empty();
    }

    @Override
    public synchronized void release(String account) {
        inFlight.remove(account);
    }

    private Optional<Duration> retryAfter(String account, String clientAddress, Instant now) {
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
        inFlight.remove(account);
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
        inFlight.remove(account);
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
        // A full scan at most once a minute: failures come at bcrypt speed, scans must not.
        if (lastCleanUp.plus(Duration.ofMinutes(1)).isAfter(now)) {
            return;
        }
        lastCleanUp = now;
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
