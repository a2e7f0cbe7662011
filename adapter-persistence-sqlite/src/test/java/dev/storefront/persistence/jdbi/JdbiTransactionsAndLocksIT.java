package dev.storefront.persistence.jdbi;

import dev.storefront.domain.port.out.Locks;
import dev.storefront.persistence.sqlite.SqliteDatabase;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.port.out.contract.LocksContract;
import dev.storefront.domain.port.out.contract.TransactionsContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite's transactions pass the contract the fakes pass, and its no-op locks pass the locks
 * contract with them: the writer lock serialises whole transactions, so the guarantee holds by
 * construction.
 */
class JdbiTransactionsAndLocksIT {
    @TempDir
    Path directory;
    private SqliteDatabase database;

    private SqliteDatabase open() {
        if (database == null) {
            database = SqliteDatabase.open("jdbc:sqlite:" + directory.resolve("store.db"));
        }
        return database;
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Nested
    class SqliteTransactions extends TransactionsContract {
        @Override
        protected Transactions transactions() {
            return open().transactions();
        }

        @Override
        protected UserRepository users() {
            return new JdbiUserRepository(open(), new SessionCache(open()));
        }
    }

    @Nested
    class SqliteLocks extends LocksContract {
        @Override
        protected Transactions transactions() {
            return open().transactions();
        }

        @Override
        protected Locks locks() {
            return open().locks();
        }

        @Override
        protected boolean writeTransactionsOverlap() {
            return false;
        }
    }
}
