package dev.storefront.inmemory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.out.EmailVerificationTokenRepository;
import dev.storefront.domain.port.out.AddressRepository;
import dev.storefront.domain.port.out.contract.AddressRepositoryContract;
import dev.storefront.domain.port.out.LoginThrottle;
import dev.storefront.domain.port.out.PasskeyChallengeRepository;
import dev.storefront.domain.port.out.PasskeyRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.PasswordHasher;
import dev.storefront.domain.port.out.PasswordResetTokenRepository;
import dev.storefront.domain.port.out.RateLimiter;
import dev.storefront.domain.port.out.SessionRepository;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.port.out.contract.EmailVerificationTokenRepositoryContract;
import dev.storefront.domain.port.out.contract.LoginThrottleContract;
import dev.storefront.domain.port.out.contract.PasskeyChallengeRepositoryContract;
import dev.storefront.domain.port.out.contract.PasskeyRepositoryContract;
import dev.storefront.domain.port.out.contract.PasswordHasherContract;
import dev.storefront.domain.port.out.contract.PasswordResetTokenRepositoryContract;
import dev.storefront.domain.port.out.contract.RateLimiterContract;
import dev.storefront.domain.port.out.contract.SessionRepositoryContract;
import dev.storefront.domain.port.out.contract.TokenGeneratorContract;
import dev.storefront.domain.port.out.contract.UserRepositoryContract;
import dev.storefront.domain.port.out.contract.TotpRepositoryContract;
import dev.storefront.domain.port.out.TotpRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.NewUser;
import dev.storefront.domain.user.Password;
import dev.storefront.domain.user.PasswordHash;
import dev.storefront.domain.user.UserId;
import dev.storefront.domain.user.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The in-memory fakes pass the same contracts as the production adapters. */
class InMemoryAccountPortsTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static UserId addUser(InMemoryUserRepository users, String name) {
        return users.add(NewUser.customer(new Username(name), new Email(name + "@example.com"),
                new PasswordHash("x"), T0)).id();
    }

    @Nested
    class Users extends UserRepositoryContract {
        @Override
        protected UserRepository createRepository() {
            return new InMemoryUserRepository(new InMemoryTransactions());
        }
    }

    @Nested
    class Sessions extends SessionRepositoryContract {
        private InMemoryUserRepository users;

        @Override
        protected SessionRepository createRepository() {
            InMemoryTransactions transactions = new InMemoryTransactions();
            users = new InMemoryUserRepository(transactions);
            return new InMemorySessionRepository(transactions, users);
        }

        @Override
        protected UserId createUser(String name) {
            return addUser(users, name);
        }
    }

    @Nested
    class Totp extends TotpRepositoryContract {
        private final InMemoryTransactions transactions = new InMemoryTransactions();
        private final InMemoryUserRepository users = new InMemoryUserRepository(transactions);

        @Override
        protected TotpRepository createRepository() {
            return new InMemoryTotpRepository(transactions);
        }

        @Override
        protected UserId createUser(String name) {
            return addUser(users, name);
        }

        @Override
        protected Transactions transactions() {
            return transactions;
        }
    }

    @Nested
    class ResetTokens extends PasswordResetTokenRepositoryContract {
        private InMemoryUserRepository users;

        @Override
        protected PasswordResetTokenRepository createRepository() {
            InMemoryTransactions transactions = new InMemoryTransactions();
            users = new InMemoryUserRepository(transactions);
            return new InMemoryPasswordResetTokenRepository(transactions, users);
        }

        @Override
        protected UserId createUser(String name) {
            return addUser(users, name);
        }
    }

    @Nested
    class VerificationTokens extends EmailVerificationTokenRepositoryContract {
        private InMemoryTransactions transactions;
        private InMemoryUserRepository users;

        @Override
        protected EmailVerificationTokenRepository createRepository() {
            transactions = new InMemoryTransactions();
            users = new InMemoryUserRepository(transactions);
            return new InMemoryEmailVerificationTokenRepository(transactions);
        }

        @Override
        protected UserId createUser(String name) {
            return addUser(users, name);
        }

        @Override
        protected void inTransaction(Runnable work) {
            transactions.inTransaction(() -> {
                work.run();
                return null;
            });
        }
    }

    @Nested
    class Hasher extends PasswordHasherContract {
        @Override
        protected PasswordHasher createHasher() {
            return new InMemoryPasswordHasher(12);
        }
    }

    @Nested
    class Tokens extends TokenGeneratorContract {
        @Override
        protected TokenGenerator createGenerator() {
            return new InMemoryTokenGenerator();
        }
    }

    @Nested
    class Throttle extends LoginThrottleContract {
        private LoginThrottle store;

        @Override
        protected LoginThrottle createThrottle() {
            store = new InMemoryLoginThrottle();
            return store;
        }

        /** A fake's store is its object: a second client of it is a second reference, not a copy. */
        @Override
        protected LoginThrottle secondInstanceOnTheSameStore() {
            LoginThrottle shared = store;
            return new LoginThrottle() {
                @Override
                public Optional<Duration> begin(String account, String clientAddress, Instant now) {
                    return shared.begin(account, clientAddress, now);
                }

                @Override
                public void recordFailure(String account, String clientAddress, Instant now) {
                    shared.recordFailure(account, clientAddress, now);
                }

                @Override
                public void recordSuccess(String account, String clientAddress, Instant now) {
                    shared.recordSuccess(account, clientAddress, now);
                }

                @Override
                public void release(String account, String clientAddress) {
                    shared.release(account, clientAddress);
                }
            };
        }
    }

    @Nested
    class Limiter extends RateLimiterContract {
        private RateLimiter store;

        @Override
        protected RateLimiter createLimiter() {
            store = new InMemoryRateLimiter(CROWD / 20); // so that the crowding test makes it forget keys
            return store;
        }

        @Override
        protected RateLimiter secondInstanceOnTheSameStore() {
            return store::tryAcquire;
        }
    }

    @Test
    void aRolledBackTransactionRestoresUsersAndSessions() {
        InMemoryTransactions transactions = new InMemoryTransactions();
        InMemoryUserRepository users = new InMemoryUserRepository(transactions);
        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            addUser(users, "alice");
            throw new IllegalStateException("boom");
        }));
        assertTrue(users.findByUsername(new Username("alice")).isEmpty());
    }

    @Test
    void theFakeHasherRecordsItsCostSoRehashingCanBeTested() {
        InMemoryPasswordHasher hasher = new InMemoryPasswordHasher(12);
        PasswordHash old = hasher.hashWithCost(Password.of("some password"), 10);
        assertTrue(hasher.needsRehash(old));
        assertEquals(12, InMemoryPasswordHasher.costOf(hasher.hash(Password.of("some password"))));
    }

    @Nested
    class Passkeys extends PasskeyRepositoryContract {
        private InMemoryUserRepository users;

        @Override
        protected PasskeyRepository createRepository() {
            InMemoryTransactions transactions = new InMemoryTransactions();
            users = new InMemoryUserRepository(transactions);
            return new InMemoryPasskeyRepository(transactions);
        }

        @Override
        protected UserId createUser(String name) {
            return addUser(users, name);
        }
    }

    @Nested
    class Addresses extends AddressRepositoryContract {
        private InMemoryUserRepository users;

        @Override
        protected AddressRepository createRepository() {
            InMemoryTransactions transactions = new InMemoryTransactions();
            users = new InMemoryUserRepository(transactions);
            return new InMemoryAddressRepository(transactions);
        }

        @Override
        protected UserId createUser(String name) {
            return addUser(users, name);
        }
    }

    @Nested
    class PasskeyChallenges extends PasskeyChallengeRepositoryContract {
        private final InMemoryTransactions transactions = new InMemoryTransactions();

        @Override
        protected PasskeyChallengeRepository createRepository() {
            return new InMemoryPasskeyChallengeRepository(transactions);
        }

        @Override
        protected Transactions transactions() {
            return transactions;
        }
    }
}
