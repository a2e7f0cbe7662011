package dev.storefront.inmemory;

import static dev.storefront.domain.user.LoginFailureChain.ACCOUNT_FREE_FAILURES;
import static dev.storefront.domain.user.LoginFailureChain.ADDRESS_LIMIT;
import static dev.storefront.domain.user.LoginFailureChain.ADDRESS_WINDOW;
import static dev.storefront.domain.user.LoginFailureChain.FREE_FAILURES;
import static dev.storefront.domain.user.LoginFailureChain.IN_FLIGHT_WAIT;

import dev.storefront.domain.port.out.LoginThrottle;
import dev.storefront.domain.user.LoginFailureChain;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The login throttle in memory (one process; the server keeps its counters in the database, this is
 * the fake for tests and single-process embedders). Two counters per account
 * ({@link LoginFailureChain}): one per client address (5 free failures) and one across all
 * addresses (20 free failures). Each counts failures while each comes within 15
 * minutes of the one before or of the end of the last block (15 quiet minutes start it afresh);
 * past its free failures, each failure blocks for a delay that doubles from 1 s up to 15 minutes —
 * the address's counter blocks that address only, the account-wide one every address. Attempts
 * while blocked are refused without being checked and without extending the block, so a real user
 * is never locked out for more than 15 minutes at a time, while an attacker at the cap gets one
 * guess per 15 minutes. One attempt per account and address is checked at a time, and the attempts
 * in flight for an account never exceed what is left of its account-wide budget (at least one); a
 * refused parallel attempt waits a second; a reservation never settled lapses after
 * {@link LoginThrottle#LEASE}. Per client address: at most 100 failures in any hour,
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
    static final int MAX_ENTRIES = 100_000;

    private record AccountAtAddress(String account, String clientAddress) {}

    private final BoundedTable<AccountAtAddress, LoginFailureChain> fromAddress;
    private final BoundedTable<String, LoginFailureChain> accounts;
    private final BoundedTable<String, Deque<Instant>> addresses;
    private final int cleanUpThreshold;
    /** Reservations in flight and when each lapses, oldest first (all last {@link LoginThrottle#LEASE}). */
    private final Map<AccountAtAddress, Instant> leases = new LinkedHashMap<>();
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
        leases.values().removeIf(until -> !until.isAfter(now));
        if (leases.containsKey(key)
                || inFlight(lease -> lease.account().equals(account)) >= budgetLeft(account, now)
                || inFlight(lease -> lease.clientAddress().equals(clientAddress)) >= addressBudgetLeft(clientAddress)) {
            return Optional.of(IN_FLIGHT_WAIT);
        }
        leases.put(key, now.plus(LEASE));
        return Optional.empty();
    }

    private long inFlight(Predicate<AccountAtAddress> matching) {
        return leases.keySet().stream().filter(matching).count();
    }

    /** Attempts that may be in flight at once for the account: what is left of its free failures, at least one. */
    private int budgetLeft(String account, Instant now) {
        LoginFailureChain state = accounts.get(account);
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

    private static Optional<Duration> block(LoginFailureChain state, Instant now) {
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
        leases.remove(new AccountAtAddress(account, clientAddress));
    }

    @Override
    public synchronized void recordFailure(String account, String clientAddress, Instant now) {
        AccountAtAddress key = new AccountAtAddress(account, clientAddress);
        leases.remove(key);
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

    private static <K> void countFailure(BoundedTable<K, LoginFailureChain> table, K key, int freeFailures,
                                         Instant now) {
        LoginFailureChain counter = table.get(key);
        counter = (counter == null ? LoginFailureChain.NONE : counter).afterFailure(now, freeFailures);
        table.put(key, counter, worthKeeping(counter, now));
    }

    /** More than the one failure a flood of random names leaves behind, or a block. */
    private static boolean worthKeeping(LoginFailureChain counter, Instant now) {
        return counter.failuresAt(now) > 1 || counter.blockAt(now).isPresent();
    }

    @Override
    public synchronized void recordSuccess(String account, String clientAddress, Instant now) {
        AccountAtAddress key = new AccountAtAddress(account, clientAddress);
        leases.remove(key);
        fromAddress.remove(key);
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

    private <K> void dropIdle(BoundedTable<K, LoginFailureChain> counters, Instant now) {
        if (counters.size() > cleanUpThreshold) {
            counters.removeIf(counter -> counter.isStale(now) && counter.blockAt(now).isEmpty());
        }
    }
}
