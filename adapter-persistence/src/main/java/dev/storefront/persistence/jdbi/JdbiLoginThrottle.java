package dev.storefront.persistence.jdbi;

import static dev.storefront.domain.user.LoginFailureChain.ACCOUNT_FREE_FAILURES;
import static dev.storefront.domain.user.LoginFailureChain.ADDRESS_LIMIT;
import static dev.storefront.domain.user.LoginFailureChain.ADDRESS_WINDOW;
import static dev.storefront.domain.user.LoginFailureChain.FREE_FAILURES;
import static dev.storefront.domain.user.LoginFailureChain.IN_FLIGHT_WAIT;

import dev.storefront.domain.port.out.LoginThrottle;
import dev.storefront.domain.user.LoginFailureChain;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * The login throttle in tables {@code login_throttle_account}, {@code _address} and {@code _attempt}
 * (one row per account and address, holding the attempt's lease), so every process on the database
 * counts the same failures. The rules are {@link LoginFailureChain}'s, as the in-memory fake's; the
 * per-address cap counts in a window that starts with the address's first failure (at most 100
 * failures in it). Each method is one short write transaction, or joins the caller's.
 *
 * <p>Race-free on every engine: a transaction that counts or reserves first locks the account's row,
 * then the address's, then the attempt's (always in that order, so no deadlock), each by an upsert
 * that creates the row if needed; on PostgreSQL under READ COMMITTED a concurrent {@link #begin} for
 * the same account or address waits there and then sees the committed lease. The reservation itself
 * is one conditional UPDATE. An attempt refused by a block is answered from plain reads and writes
 * nothing, so a flood of throttled guesses adds no rows.
 */
public final class JdbiLoginThrottle implements LoginThrottle {
    private static final String LOCK_ACCOUNT = "INSERT INTO login_throttle_account"
            + " (account, failures, last_failure, blocked_until, forget_at) VALUES (:account, 0, 0, 0, 0)"
            + " ON CONFLICT (account) DO UPDATE SET failures = login_throttle_account.failures"
            + " RETURNING failures, last_failure, blocked_until";
    private static final String LOCK_ADDRESS = "INSERT INTO login_throttle_address"
            + " (address, failures, window_start, forget_at) VALUES (:address, 0, 0, 0)"
            + " ON CONFLICT (address) DO UPDATE SET failures = login_throttle_address.failures"
            + " RETURNING failures, window_start";
    private static final String LOCK_ATTEMPT = "INSERT INTO login_throttle_attempt"
            + " (account, address, failures, last_failure, blocked_until, lease_until, forget_at)"
            + " VALUES (:account, :address, 0, 0, 0, 0, 0)"
            + " ON CONFLICT (account, address) DO UPDATE SET failures = login_throttle_attempt.failures"
            + " RETURNING failures, last_failure, blocked_until";
    /** Takes the lease unless one is live for the key, or the account's or address's leases fill its budget. */
    private static final String RESERVE = "UPDATE login_throttle_attempt SET lease_until = :until,"
            + " forget_at = CASE WHEN forget_at < :until THEN :until ELSE forget_at END"
            + " WHERE account = :account AND address = :address AND lease_until <= :now"
            + " AND (SELECT COUNT(*) FROM login_throttle_attempt WHERE account = :account AND lease_until > :now)"
            + " < :accountBudget"
            + " AND (SELECT COUNT(*) FROM login_throttle_attempt WHERE address = :address AND lease_until > :now)"
            + " < :addressBudget";

    private final Database database;

    public JdbiLoginThrottle(Database database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    /** The three counters of an attempt, as read (or locked) at one moment. */
    private record Counters(LoginFailureChain account, AddressWindow address, LoginFailureChain attempt) {
        Optional<Duration> retryAfter(Instant now) {
            return Stream.of(account.blockAt(now), attempt.blockAt(now), address.capAt(now))
                    .flatMap(Optional::stream)
                    .max(Duration::compareTo);
        }

        /** Attempts that may be in flight for the account: what is left of its free failures, at least one. */
        int accountBudget(Instant now) {
            return Math.max(1, ACCOUNT_FREE_FAILURES - account.failuresAt(now));
        }
    }

    /** An address's failures since its window began. */
    private record AddressWindow(int failures, Instant start) {
        static final AddressWindow NONE = new AddressWindow(0, Instant.EPOCH);

        Instant end() {
            return start.plus(ADDRESS_WINDOW);
        }

        int failuresAt(Instant now) {
            return end().isAfter(now) ? failures : 0;
        }

        Optional<Duration> capAt(Instant now) {
            return failuresAt(now) >= ADDRESS_LIMIT ? Optional.of(Duration.between(now, end())) : Optional.empty();
        }

        AddressWindow afterFailure(Instant now) {
            return end().isAfter(now) ? new AddressWindow(failures + 1, start) : new AddressWindow(1, now);
        }
    }

    @Override
    public Optional<Duration> begin(String account, String clientAddress, Instant now) {
        Optional<Duration> blocked = database.withReadHandle(h -> read(h, account, clientAddress)).retryAfter(now);
        if (blocked.isPresent()) {
            return blocked;
        }
        return write(h -> {
            Counters locked = lock(h, account, clientAddress);
            Optional<Duration> wait = locked.retryAfter(now);
            if (wait.isPresent()) {
                return wait;
            }
            int reserved = h.createUpdate(RESERVE)
                    .bind("account", account).bind("address", clientAddress)
                    .bind("now", now.toEpochMilli()).bind("until", now.plus(LEASE).toEpochMilli())
                    .bind("accountBudget", locked.accountBudget(now))
                    .bind("addressBudget", ADDRESS_LIMIT - locked.address().failuresAt(now))
                    .execute();
            return reserved == 1 ? Optional.<Duration>empty() : Optional.of(IN_FLIGHT_WAIT);
        });
    }

    private static Counters read(Handle h, String account, String address) {
        LoginFailureChain accountChain = h.createQuery("SELECT failures, last_failure, blocked_until"
                        + " FROM login_throttle_account WHERE account = :account")
                .bind("account", account).map((rs, ctx) -> chain(rs)).findOne().orElse(LoginFailureChain.NONE);
        AddressWindow window = h.createQuery("SELECT failures, window_start FROM login_throttle_address"
                        + " WHERE address = :address")
                .bind("address", address).map((rs, ctx) -> window(rs)).findOne().orElse(AddressWindow.NONE);
        LoginFailureChain attemptChain = h.createQuery("SELECT failures, last_failure, blocked_until"
                        + " FROM login_throttle_attempt WHERE account = :account AND address = :address")
                .bind("account", account).bind("address", address)
                .map((rs, ctx) -> chain(rs)).findOne().orElse(LoginFailureChain.NONE);
        return new Counters(accountChain, window, attemptChain);
    }

    /** Locks (creating where missing) the account's, the address's and the attempt's rows, in that order. */
    private static Counters lock(Handle h, String account, String address) {
        LoginFailureChain accountChain = h.createQuery(LOCK_ACCOUNT).bind("account", account)
                .map((rs, ctx) -> chain(rs)).one();
        AddressWindow window = h.createQuery(LOCK_ADDRESS).bind("address", address)
                .map((rs, ctx) -> window(rs)).one();
        LoginFailureChain attemptChain = h.createQuery(LOCK_ATTEMPT).bind("account", account).bind("address", address)
                .map((rs, ctx) -> chain(rs)).one();
        return new Counters(accountChain, window, attemptChain);
    }

    private static LoginFailureChain chain(ResultSet rs) throws SQLException {
        return new LoginFailureChain(rs.getInt("failures"), Instant.ofEpochMilli(rs.getLong("last_failure")),
                Instant.ofEpochMilli(rs.getLong("blocked_until")));
    }

    private static AddressWindow window(ResultSet rs) throws SQLException {
        return new AddressWindow(rs.getInt("failures"), Instant.ofEpochMilli(rs.getLong("window_start")));
    }

    @Override
    public void recordFailure(String account, String clientAddress, Instant now) {
        write(h -> {
            Counters locked = lock(h, account, clientAddress);
            LoginFailureChain accountChain = locked.account().afterFailure(now, ACCOUNT_FREE_FAILURES);
            AddressWindow window = locked.address().afterFailure(now);
            LoginFailureChain attemptChain = locked.attempt().afterFailure(now, FREE_FAILURES);
            bindChain(h.createUpdate("UPDATE login_throttle_account SET failures = :failures, last_failure = :last,"
                            + " blocked_until = :blockedUntil, forget_at = :forgetAt WHERE account = :account"),
                    accountChain).bind("account", account).execute();
            h.createUpdate("UPDATE login_throttle_address SET failures = :failures, window_start = :start,"
                            + " forget_at = :forgetAt WHERE address = :address")
                    .bind("failures", window.failures()).bind("start", window.start().toEpochMilli())
                    .bind("forgetAt", window.end().toEpochMilli()).bind("address", clientAddress).execute();
            return bindChain(h.createUpdate("UPDATE login_throttle_attempt SET failures = :failures,"
                            + " last_failure = :last, blocked_until = :blockedUntil, lease_until = 0,"
                            + " forget_at = :forgetAt WHERE account = :account AND address = :address"), attemptChain)
                    .bind("account", account).bind("address", clientAddress).execute();
        });
    }

    /** Binds a chain's columns by the names the UPDATEs use. */
    private static Update bindChain(Update update, LoginFailureChain chain) {
        return update.bind("failures", chain.failures())
                .bind("last", chain.lastFailure().toEpochMilli())
                .bind("blockedUntil", chain.blockedUntil().toEpochMilli())
                .bind("forgetAt", chain.forgetAt().toEpochMilli());
    }

    @Override
    public void recordSuccess(String account, String clientAddress, Instant now) {
        // The address's counter for the account goes, and with its row the lease.
        write(h -> h.createUpdate("DELETE FROM login_throttle_attempt"
                        + " WHERE account = :account AND address = :address")
                .bind("account", account).bind("address", clientAddress).execute());
    }

    @Override
    public void release(String account, String clientAddress) {
        write(h -> h.createUpdate("UPDATE login_throttle_attempt SET lease_until = 0"
                        + " WHERE account = :account AND address = :address")
                .bind("account", account).bind("address", clientAddress).execute());
    }

    /**
     * Deletes up to {@code limit} rows of each table that no longer matter at {@code now}: quiet for
     * 15 minutes with no block and no lease left, or an address's window over. Returns how many went.
     */
    public int deleteExpired(Instant now, int limit) {
        long at = now.toEpochMilli();
        return write(h -> {
            // forget_at is checked again outside the subquery: a row a concurrent begin has just
            // leased is re-read there (PostgreSQL re-evaluates it on the locked row) and stays.
            int attempts = h.createUpdate("DELETE FROM login_throttle_attempt WHERE forget_at <= :now"
                            + " AND (account, address) IN (SELECT account, address FROM login_throttle_attempt"
                            + " WHERE forget_at <= :now LIMIT :limit)")
                    .bind("now", at).bind("limit", limit).execute();
            int accounts = h.createUpdate("DELETE FROM login_throttle_account WHERE forget_at <= :now"
                            + " AND account IN (SELECT account FROM login_throttle_account WHERE forget_at <= :now"
                            + " LIMIT :limit)")
                    .bind("now", at).bind("limit", limit).execute();
            int addresses = h.createUpdate("DELETE FROM login_throttle_address WHERE forget_at <= :now"
                            + " AND address IN (SELECT address FROM login_throttle_address WHERE forget_at <= :now"
                            + " LIMIT :limit)")
                    .bind("now", at).bind("limit", limit).execute();
            return attempts + accounts + addresses;
        });
    }

    /** One short write transaction, or the caller's: on every engine the way writes queue for their locks. */
    private <T> T write(Function<Handle, T> work) {
        return database.transactions().inTransaction(() -> database.withHandle(work));
    }
}
