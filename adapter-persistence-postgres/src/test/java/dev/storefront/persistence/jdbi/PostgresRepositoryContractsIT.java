package dev.storefront.persistence.jdbi;

import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.port.out.AddressRepository;
import dev.storefront.domain.port.out.contract.AddressRepositoryContract;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.port.out.CartRepository;
import dev.storefront.domain.port.out.CatalogImportJournal;
import dev.storefront.domain.port.out.IdempotencyKeyRepository;
import dev.storefront.domain.port.out.Locks;
import dev.storefront.domain.port.out.OrderRepository;
import dev.storefront.domain.port.out.OrderStatistics;
import dev.storefront.domain.port.out.EmailVerificationTokenRepository;
import dev.storefront.domain.port.out.PasskeyChallengeRepository;
import dev.storefront.domain.port.out.PasskeyRepository;
import dev.storefront.domain.port.out.PasswordResetTokenRepository;
import dev.storefront.domain.port.out.PromoCodeRepository;
import dev.storefront.domain.port.out.SessionRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.port.out.contract.CartRepositoryContract;
import dev.storefront.domain.port.out.contract.CatalogImportJournalContract;
import dev.storefront.domain.port.out.contract.IdempotencyKeyRepositoryContract;
import dev.storefront.domain.port.out.contract.LocksContract;
import dev.storefront.domain.port.out.contract.OrderRepositoryContract;
import dev.storefront.domain.port.out.contract.EmailVerificationTokenRepositoryContract;
import dev.storefront.domain.port.out.contract.PasskeyChallengeRepositoryContract;
import dev.storefront.domain.port.out.contract.PasskeyRepositoryContract;
import dev.storefront.domain.port.out.contract.PasswordResetTokenRepositoryContract;
import dev.storefront.domain.port.out.contract.PromoCodeRepositoryContract;
import dev.storefront.domain.port.out.contract.SessionRepositoryContract;
import dev.storefront.domain.port.out.contract.TransactionsContract;
import dev.storefront.domain.port.out.contract.UserRepositoryContract;
import dev.storefront.domain.port.out.contract.TotpRepositoryContract;
import dev.storefront.domain.port.out.TotpRepository;
import dev.storefront.domain.session.SessionHandle;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.NewUser;
import dev.storefront.domain.user.PasswordHash;
import dev.storefront.domain.user.UserId;
import dev.storefront.domain.user.Username;
import java.time.Instant;
import dev.storefront.persistence.postgres.PostgresDatabase;
import java.util.Currency;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/**
 * The driven ports' contracts on PostgreSQL, each test on a fresh database of the throwaway cluster
 * (the same contracts run on the in-memory fakes and on SQLite).
 */
class PostgresRepositoryContractsIT {
    private static final Currency USD = Currency.getInstance("USD");
    private final AtomicLong counter = new AtomicLong();
    private PostgresDatabase database;

    private PostgresDatabase database() {
        if (database == null) {
            database = PostgresTestDatabases.fresh();
        }
        return database;
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private UserId newUserRow() {
        return new UserId(Rows.insertUser(database(), counter.incrementAndGet()));
    }

    private UserId namedUser(String name) {
        return new JdbiUserRepository(database(), new SessionCache(database())).add(NewUser.customer(
                new Username(name), new Email(name + "@example.com"), new PasswordHash("x"), Instant.EPOCH)).id();
    }

    private ProductId newProductRow() {
        return new ProductId(Rows.insertProduct(database(), counter.incrementAndGet()));
    }

    @Nested
    class PostgresTransactions extends TransactionsContract {
        @Override
        protected Transactions transactions() {
            return database().transactions();
        }

        @Override
        protected UserRepository users() {
            return new JdbiUserRepository(database(), new SessionCache(database()));
        }
    }

    @Nested
    class AdvisoryLocks extends LocksContract {
        @Override
        protected Transactions transactions() {
            return database().transactions();
        }

        @Override
        protected Locks locks() {
            return database().locks();
        }

        @Override
        protected boolean writeTransactionsOverlap() {
            return true;
        }

        /** The waiting thread sits in a socket read: the server's lock table tells. */
        @Override
        protected boolean waitsForALock(Thread thread) {
            return database().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                    .mapTo(Integer.class).one()) > 0;
        }
    }

    @Nested
    class Users extends UserRepositoryContract {
        @Override
        protected UserRepository createRepository() {
            return new JdbiUserRepository(database(), new SessionCache(database()));
        }
    }

    @Nested
    class Sessions extends SessionRepositoryContract {
        @Override
        protected SessionRepository createRepository() {
            return new JdbiSessionRepository(database(), new SessionCache(database()));
        }

        @Override
        protected UserId createUser(String name) {
            return namedUser(name);
        }
    }

    @Nested
    class Totp extends TotpRepositoryContract {
        @Override
        protected TotpRepository createRepository() {
            return new JdbiTotpRepository(database());
        }

        @Override
        protected UserId createUser(String name) {
            return namedUser(name);
        }

        @Override
        protected Transactions transactions() {
            return database().transactions();
        }
    }

    @Nested
    class ResetTokens extends PasswordResetTokenRepositoryContract {
        @Override
        protected PasswordResetTokenRepository createRepository() {
            return new JdbiPasswordResetTokenRepository(database());
        }

        @Override
        protected UserId createUser(String name) {
            return namedUser(name);
        }
    }

    @Nested
    class VerificationTokens extends EmailVerificationTokenRepositoryContract {
        @Override
        protected EmailVerificationTokenRepository createRepository() {
            return new JdbiEmailVerificationTokenRepository(database());
        }

        @Override
        protected UserId createUser(String name) {
            return namedUser(name);
        }

        @Override
        protected void inTransaction(Runnable work) {
            database().transactions().inTransaction(() -> {
                work.run();
                return null;
            });
        }
    }

    @Nested
    class Carts extends CartRepositoryContract {
        @Override
        protected CartRepository repository() {
            return new JdbiCartRepository(database());
        }

        @Override
        protected Transactions transactions() {
            return database().transactions();
        }

        @Override
        protected CartOwner newUser() {
            return CartOwner.user(newUserRow());
        }

        @Override
        protected CartOwner newGuest() {
            return CartOwner.guest(new SessionHandle(Rows.insertGuestSession(database(), counter.incrementAndGet())));
        }

        @Override
        protected ProductId newProduct() {
            return newProductRow();
        }
    }

    @Nested
    class Orders extends OrderRepositoryContract {
        @Override
        protected OrderRepository repository() {
            return new JdbiOrderRepository(database(), USD);
        }

        @Override
        protected OrderStatistics statistics() {
            return new JdbiOrderStatistics(database(), USD);
        }

        @Override
        protected Transactions transactions() {
            return database().transactions();
        }

        @Override
        protected UserId newUser() {
            return newUserRow();
        }

        @Override
        protected ProductId newProduct() {
            return newProductRow();
        }
    }

    @Nested
    class IdempotencyKeys extends IdempotencyKeyRepositoryContract {
        @Override
        protected IdempotencyKeyRepository repository() {
            return new JdbiIdempotencyKeyRepository(database());
        }

        @Override
        protected Transactions transactions() {
            return database().transactions();
        }

        @Override
        protected UserId newUser() {
            return newUserRow();
        }

        @Override
        protected OrderId newOrder(UserId user) {
            return new OrderId(Rows.insertOrder(database(), user.value()));
        }
    }

    @Nested
    class CatalogImports extends CatalogImportJournalContract {
        @Override
        protected CatalogImportJournal journal() {
            return new JdbiCatalogImportJournal(database());
        }

        @Override
        protected Transactions transactions() {
            return database().transactions();
        }
    }

    @Nested
    class Passkeys extends PasskeyRepositoryContract {
        @Override
        protected PasskeyRepository createRepository() {
            return new JdbiPasskeyRepository(database());
        }

        @Override
        protected UserId createUser(String name) {
            return namedUser(name);
        }
    }

    /** With the real pool (4 connections): the 40 racing takers wait on the row, not on a lock of ours. */
    @Nested
    class PromoCodes extends PromoCodeRepositoryContract {
        @Override
        protected PromoCodeRepository repository() {
            return new JdbiPromoCodeRepository(database(), USD);
        }

        @Override
        protected OrderRepository orders() {
            return new JdbiOrderRepository(database(), USD);
        }

        @Override
        protected Transactions transactions() {
            return database().transactions();
        }

        @Override
        protected UserId newUser() {
            return newUserRow();
        }

        @Override
        protected ProductId newProduct() {
            return newProductRow();
        }
    }

    @Nested
    class Addresses extends AddressRepositoryContract {
        @Override
        protected AddressRepository createRepository() {
            return new JdbiAddressRepository(database());
        }

        @Override
        protected UserId createUser(String name) {
            return namedUser(name);
        }
    }

    @Nested
    class PasskeyChallenges extends PasskeyChallengeRepositoryContract {
        @Override
        protected PasskeyChallengeRepository createRepository() {
            return new JdbiPasskeyChallengeRepository(database());
        }

        @Override
        protected Transactions transactions() {
            return database().transactions();
        }
    }

    @Nested
    class StoreSettings {
        @org.junit.jupiter.api.Test
        void aKeyGeneratedByTwoInstancesStartingAtOnceIsOneKey() throws Exception {
            String url = PostgresTestDatabases.freshUrl();
            try (PostgresDatabase first = PostgresTestDatabases.open(url);
                 PostgresDatabase second = PostgresTestDatabases.open(url)) {
                for (int race = 0; race < 20; race++) {
                    String name = "key-" + race;
                    org.junit.jupiter.api.Assertions.assertEquals(1, GeneratedOnceRace.distinctValues(
                            new JdbiStoreSettings(first), new JdbiStoreSettings(second), name), name);
                }
            }
        }
    }
}
