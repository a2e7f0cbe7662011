package dev.storefront.persistence.jdbi;

import dev.storefront.persistence.sqlite.SqliteDatabase;
import dev.storefront.persistence.sqlite.SqliteTesting;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.out.EmailVerificationTokenRepository;
import dev.storefront.domain.port.out.AddressRepository;
import dev.storefront.domain.port.out.contract.AddressRepositoryContract;
import dev.storefront.domain.port.out.PasskeyChallengeRepository;
import dev.storefront.domain.port.out.PasskeyRepository;
import dev.storefront.domain.port.out.PasswordResetTokenRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.SessionRepository;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.port.out.contract.EmailVerificationTokenRepositoryContract;
import dev.storefront.domain.port.out.contract.PasskeyChallengeRepositoryContract;
import dev.storefront.domain.port.out.contract.PasskeyRepositoryContract;
import dev.storefront.domain.port.out.contract.PasswordResetTokenRepositoryContract;
import dev.storefront.domain.port.out.contract.SessionRepositoryContract;
import dev.storefront.domain.port.out.contract.UserRepositoryContract;
import dev.storefront.domain.port.out.contract.TotpRepositoryContract;
import dev.storefront.domain.port.out.TotpRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.NewUser;
import dev.storefront.domain.user.PasswordHash;
import dev.storefront.domain.user.PasswordResetToken;
import dev.storefront.domain.user.UserId;
import dev.storefront.domain.user.Username;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDBI repositories on a real SQLite file pass the same contracts as the fakes. */
class JdbiAccountRepositoriesIT {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path directory;
    private SqliteDatabase database;

    private SqliteDatabase open() {
        database = SqliteDatabase.open("jdbc:sqlite:" + directory.resolve("test-" + System.nanoTime() + ".db"));
        return database;
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private UserId addUser(String name) {
        return new JdbiUserRepository(database, new SessionCache(database)).add(NewUser.customer(new Username(name),
                new Email(name + "@example.com"), new PasswordHash("x"), T0)).id();
    }

    @Nested
    class Users extends UserRepositoryContract {
        @Override
        protected UserRepository createRepository() {
            Database db = open();
            return new JdbiUserRepository(db, new SessionCache(db));
        }
    }

    @Nested
    class Sessions extends SessionRepositoryContract {
        @Override
        protected SessionRepository createRepository() {
            Database db = open();
            return new JdbiSessionRepository(db, new SessionCache(db));
        }

        @Override
        protected UserId createUser(String name) {
            return addUser(name);
        }
    }

    @Nested
    class Totp extends TotpRepositoryContract {
        @Override
        protected TotpRepository createRepository() {
            return new JdbiTotpRepository(open());
        }

        @Override
        protected UserId createUser(String name) {
            return addUser(name);
        }

        @Override
        protected Transactions transactions() {
            return database.transactions();
        }
    }

    @Nested
    class ResetTokens extends PasswordResetTokenRepositoryContract {
        @Override
        protected PasswordResetTokenRepository createRepository() {
            return new JdbiPasswordResetTokenRepository(open());
        }

        @Override
        protected UserId createUser(String name) {
            return addUser(name);
        }
    }

    @Nested
    class VerificationTokens extends EmailVerificationTokenRepositoryContract {
        @Override
        protected EmailVerificationTokenRepository createRepository() {
            return new JdbiEmailVerificationTokenRepository(open());
        }

        @Override
        protected UserId createUser(String name) {
            return addUser(name);
        }

        @Override
        protected void inTransaction(Runnable work) {
            database.transactions().inTransaction(() -> {
                work.run();
                return null;
            });
        }
    }

    @Test
    void storesOnlyDigestsAndTheSchemaEnforcesUniquenessItself() {
        open();
        addUser("alice");
        // The UNIQUE constraint on the lower-cased name is the last line of defence.
        assertThrows(RuntimeException.class, () -> database.withHandle(h -> h.execute(
                "INSERT INTO user_account (username, username_key, email, password_hash, role, created_at)"
                        + " VALUES ('ALICE', 'alice', 'x@example.com', 'h', 'CUSTOMER', 0)")));
        int columns = database.withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM pragma_table_info('user_session') WHERE name IN ('token', 'sid', 'session_id')")
                .mapTo(Integer.class).one());
        assertEquals(0, columns);
    }

    @Test
    void aResetForAnUnknownEmailWritesADecoyAndLeavesNoRowBehind() {
        open();
        addUser("alice");
        JdbiPasswordResetTokenRepository tokens = new JdbiPasswordResetTokenRepository(database);
        database.transactions().inTransaction(() -> {
            tokens.issue(new Email("nobody@example.com"), new TokenDigest("a".repeat(64)), T0, T0.plusSeconds(60), 3);
            tokens.issue(new Email("alice@example.com"), new TokenDigest("b".repeat(64)), T0, T0.plusSeconds(60), 3);
            return null;
        });
        int rows = database.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM password_reset_token")
                .mapTo(Integer.class).one());
        assertEquals(1, rows, "alice's token only");
    }

    @Test
    void resetTokensStoredByAVersion9DatabaseStillWorkAfterItIsMigrated() {
        String url = "jdbc:sqlite:" + directory.resolve("v9.db");
        Jdbi v9 = Jdbi.create(url);
        SqliteTesting.migrateUpTo(v9, "V9__in_stock_flag.sql");
        long aliceId = v9.withHandle(h -> {
            h.execute("INSERT INTO user_account (username, username_key, email, password_hash, role, created_at)"
                    + " VALUES ('alice', 'alice', 'alice@example.com', 'x', 'CUSTOMER', 0)");
            long id = h.createQuery("SELECT id FROM user_account").mapTo(Long.class).one();
            for (String hash : List.of("a".repeat(64), "b".repeat(64))) {
                h.execute("INSERT INTO password_reset_token (token_hash, user_id, created_at, expires_at)"
                        + " VALUES (?, ?, ?, ?)", hash, id, T0.toEpochMilli(), T0.plusSeconds(1800).toEpochMilli());
            }
            return id;
        });

        database = SqliteDatabase.open(url);
        JdbiPasswordResetTokenRepository tokens = new JdbiPasswordResetTokenRepository(database);
        PasswordResetToken first = tokens.findByDigest(new TokenDigest("a".repeat(64))).orElseThrow();
        assertEquals(new UserId(aliceId), first.userId());
        assertTrue(first.isValidAt(T0.plusSeconds(60)));
        database.transactions().inTransaction(() -> {
            tokens.issue(new Email("alice@example.com"), new TokenDigest("c".repeat(64)), T0.plusSeconds(60),
                    T0.plusSeconds(1860), 3);
            return null;
        });
        assertTrue(tokens.findByDigest(new TokenDigest("a".repeat(64))).isPresent(), "a third live token keeps both");
        assertTrue(tokens.findByDigest(new TokenDigest("b".repeat(64))).isPresent());
        assertEquals(3, database.transactions().inTransaction(() -> tokens.deleteByUser(new UserId(aliceId))),
                "using one ends them all, the migrated ones included");
    }

    @Test
    void aWriteInsideARolledBackTransactionLeavesNoUser() {
        open();
        JdbiUserRepository users = new JdbiUserRepository(database, new SessionCache(database));
        assertThrows(IllegalStateException.class, () -> database.transactions().inTransaction(() -> {
            addUser("bob");
            throw new IllegalStateException("boom");
        }));
        assertTrue(users.findByUsername(new Username("bob")).isEmpty());
    }

    @Nested
    class Passkeys extends PasskeyRepositoryContract {
        @Override
        protected PasskeyRepository createRepository() {
            return new JdbiPasskeyRepository(open());
        }

        @Override
        protected UserId createUser(String name) {
            return addUser(name);
        }
    }

    @Nested
    class Addresses extends AddressRepositoryContract {
        @Override
        protected AddressRepository createRepository() {
            return new JdbiAddressRepository(open());
        }

        @Override
        protected UserId createUser(String name) {
            return addUser(name);
        }
    }

    @Nested
    class PasskeyChallenges extends PasskeyChallengeRepositoryContract {
        @Override
        protected PasskeyChallengeRepository createRepository() {
            return new JdbiPasskeyChallengeRepository(open());
        }

        @Override
        protected Transactions transactions() {
            return database.transactions();
        }
    }
}
