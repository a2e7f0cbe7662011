package dev.storefront.inmemory;

import dev.storefront.domain.port.out.LoginThrottle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The default login throttle, in memory (one process). Two counters per account: one per client
 * address ({@value #FREE_FAILURES} free failures) and one across all addresses
 * ({@value #ACCOUNT_FREE_FAILURES} free failures). Each counts failures while each comes within 15
 * minutes of the one before or of the end of the last block (15 quiet minutes start it afresh);
 * past its free failures, each failure blocks for a delay that doubles from 1 s up to 15 minutes —
 * the address's counter blocks that address only, the account-wide one every address. Attempts
 * while blocked are refused without being checked and without extending the block, so a real user
 * is never locked out for more than 15 minutes at a time, while an attacker at the cap gets one
 * guess per 15 minutes. One attempt per account and address is checked at a time, and the attempts
 * in flight for an account never exceed what is left of its account-wide budget (at least one); a
 * refused parallel attempt waits a second. Per client address: at most 100 failures in any hour,
 * attempts in flight from it included. A success clears that address's counter for the account.
 *
 * <p>Memory stays bounded: idle entries are dropped (a scan at most once a minute) and each of its
 * three tables holds at most {@value #MAX_ENTRIES} keys. A full table forgets the entry that failed
 * least recently among those holding a single failure and no block: exactly what a flood of logins
 * for unknown or random names creates, so such a flood only ever displaces its own entries (and at
 * most one other). Counters with two or more live failures, blocks and addresses at their cap are
 * forgotten only when a table holds nothing else — {@value #MAX_ENTRIES} of them live at once, which
 * takes that many failures within half an hour, each a password hash's work — and then the one that
 * failed least recently goes.
 */
public final class InMemoryLoginThrottle implements LoginThrottle {
    public static final int FREE_FAILURES = 5;
    public static final int ACCOUNT_FREE_FAILURES = 20;
    public static final Duration ACCOUNT_WINDOW = Duration.ofMinutes(15);
    public static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    public static final Duration MAX_DELAY = Duration.ofMinutes(15);
    public static final int ADDRESS_LIMIT = 100;
    public static final Duration ADDRESS_WINDOW = Duration.ofHours(1);
    static final int MAX_ENTRIES = 100_000;
    /** How long a parallel attempt refused by an attempt in flight is told to wait. */
    static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(1);

    /** Failures counted under one key, and the block they earned. */
    private static final class Counter {
        final int freeFailures;
        int failures;
        Instant lastFailure = Instant.MIN;
        Instant blockedUntil = Instant.MIN;

        Counter(int freeFailures) {
            this.freeFailures = freeFailures;
        }

        /** Quiet since the later of the last failure and the end of the last block. */
        boolean isStale(Instant now) {
            Instant quietSince = blockedUntil.isAfter(lastFailure) ? blockedUntil : lastFailure;
            return quietSince.plus(ACCOUNT_WINDOW).isBefore(now);
        }

        int failuresAt(Instant now) {
            return isStale(now) ? 0 : failures;
        }

        void fail(Instant now) {
            failures = failuresAt(now) + 1;
            lastFailure = now;
            int over = failures - freeFailures;
            if (over >= 0) {
                blockedUntil = now.plus(delay(over));
            }
        }

        Optional<Duration> blockAt(Instant now) {
            return now.isBefore(blockedUntil) ? Optional.of(Duration.between(now, blockedUntil)) : Optional.empty();
        }

        /** More than the one failure a flood of random names leaves behind, or a block. */
        boolean worthKeeping(Instant now) {
            return failuresAt(now) > 1 || blockAt(now).isPresent();
        }

        boolean isIdle(Instant now) {
            return isStale(now) && blockAt(now).isEmpty();
        }
    }

    private record AccountAtAddress(String account, String clientAddress) {}

    private final BoundedTable<AccountAtAddress, Counter> fromAddress;
    private final BoundedTable<String, Counter> accounts;
    private final BoundedTable<String, Deque<Instant>> addresses;
    private final int cleanUpThreshold;
    private final Set<AccountAtAddress> inFlight = new HashSet<>();
    private final Map<String, Integer> inFlightPerAccount = new HashMap<>();
    private final Map<String, Integer> inFlightPerAddress = new HashMap<>();
    private Instant lastCleanUp = Instant.MIN;

    public InMemoryLoginThrottle() {
        this(MAX_ENTRIES);
    }

    /** A throttle whose tables hold at most {@code capacity} keys each (small ones for tests). */
    InMemoryLoginThrottle(int capacity) {
        fromAddress = new BoundedTable<>(capacity, counter -> 1);
        accounts = new BoundedTable<>(capacity, counter -> 1);
        addresses = new BoundedTable<>(capacity, failures -> 1);
        cleanUpThreshold = Math.max(1, capacity / 10);
    }

    @Override
    public synchronized Optional<Duration> begin(String account, String clientAddress, Instant now) {
        AccountAtAddress key = new AccountAtAddress(account, clientAddress);
        Optional<Duration> wait = retryAfter(key, now);
        if (wait.isPresent()) {
            return wait;
        }
        if (inFlight.contains(key)
                || inFlightPerAccount.getOrDefault(account, 0) >= budgetLeft(account, now)
                || inFlightPerAddress.getOrDefault(clientAddress, 0) >= addressBudgetLeft(clientAddress)) {
            return Optional.of(IN_FLIGHT_WAIT);
        }
        inFlight.add(key);
        inFlightPerAccount.merge(account, 1, Integer::sum);
        inFlightPerAddress.merge(clientAddress, 1, Integer::sum);
        return Optional.empty();
    }

    /** Attempts that may be in flight at once for the account: what is left of its free failures, at least one. */
    private int budgetLeft(String account, Instant now) {
        Counter state = accounts.get(account);
        int failures = state == null ? 0 : state.failuresAt(now);
        return Math.max(1, ACCOUNT_FREE_FAILURES - failures);
    }

    /** Attempts that may be in flight at once from the address: what is left of its hourly cap (already pruned). */
    private int addressBudgetLeft(String clientAddress) {
        Deque<Instant> failures = addresses.get(clientAddress);
        return ADDRESS_LIMIT - (failures == null ? 0 : failures.size());
    }

    private Optional<Duration> retryAfter(AccountAtAddress key, Instant now) {
        return Stream.of(block(fromAddress.get(key), now), block(accounts.get(key.account()), now),
                        addressCap(key.clientAddress(), now))
                .flatMap(Optional::stream)
                .max(Duration::compareTo);
    }

    private static Optional<Duration> block(Counter state, Instant now) {
        return state == null ? Optional.empty() : state.blockAt(now);
    }

    private Optional<Duration> addressCap(String clientAddress, Instant now) {
        Deque<Instant> failures = addresses.get(clientAddress);
        if (failures == null) {
            return Optional.empty();
        }
        prune(failures, now.minus(ADDRESS_WINDOW));
        return failures.size() >= ADDRESS_LIMIT
                ? Optional.of(Duration.between(now, failures.peekFirst().plus(ADDRESS_WINDOW)))
                : Optional.empty();
    }

    @Override
    public synchronized void release(String account, String clientAddress) {
        settle(new AccountAtAddress(account, clientAddress));
    }

    private void settle(AccountAtAddress key) {
        if (inFlight.remove(key)) {
            inFlightPerAccount.computeIfPresent(key.account(), (k, n) -> n > 1 ? n - 1 : null);
            inFlightPerAddress.computeIfPresent(key.clientAddress(), (k, n) -> n > 1 ? n - 1 : null);
        }
    }

    @Override
    public synchronized void recordFailure(String account, String clientAddress, Instant now) {
        AccountAtAddress key = new AccountAtAddress(account, clientAddress);
        settle(key);
        cleanUpIfLarge(now);
        countFailure(fromAddress, key, FREE_FAILURES, now);
        countFailure(accounts, account, ACCOUNT_FREE_FAILURES, now);
        Deque<Instant> failures = addresses.get(clientAddress);
        if (failures == null) {
            failures = new ArrayDeque<>();
        }
        prune(failures, now.minus(ADDRESS_WINDOW));
        failures.addLast(now);
        addresses.put(clientAddress, failures, failures.size() > 1);
    }

    private static <K> void countFailure(BoundedTable<K, Counter> table, K key, int freeFailures, Instant now) {
        Counter counter = table.get(key);
        if (counter == null) {
            counter = new Counter(freeFailures);
        }
        counter.fail(now);
        table.put(key, counter, counter.worthKeeping(now));
    }

    @Override
    public synchronized void recordSuccess(String account, String clientAddress, Instant now) {
        AccountAtAddress key = new AccountAtAddress(account, clientAddress);
        settle(key);
        fromAddress.remove(key);
    }

    /** The block after the {@code (free + over)}-th failure: 1 s doubled {@code over} times, capped. */
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
        dropIdle(fromAddress, now);
        dropIdle(accounts, now);
        if (addresses.size() > cleanUpThreshold) {
            addresses.removeIf(failures -> {
                prune(failures, now.minus(ADDRESS_WINDOW));
                return failures.isEmpty();
            });
        }
    }

    private <K> void dropIdle(BoundedTable<K, Counter> counters, Instant now) {
        if (counters.size() > cleanUpThreshold) {
            counters.removeIf(counter -> counter.isIdle(now));
        }
    }
}
