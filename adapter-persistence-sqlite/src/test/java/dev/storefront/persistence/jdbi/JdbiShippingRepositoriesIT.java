package dev.storefront.persistence.jdbi;

import dev.storefront.domain.port.out.ShippingMethodRepository;
import dev.storefront.domain.port.out.TaxRateRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.contract.ShippingMethodRepositoryContract;
import dev.storefront.domain.port.out.contract.TaxRateRepositoryContract;
import dev.storefront.persistence.sqlite.SqliteDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The shipping method and tax rate contracts on real SQLite, a fresh database file per test. */
class JdbiShippingRepositoriesIT {
    @TempDir
    Path directory;
    private SqliteDatabase database;

    private SqliteDatabase database() {
        if (database == null) {
            database = SqliteDatabase.open("jdbc:sqlite:" + directory.resolve("shipping.db"));
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
    class ShippingMethods extends ShippingMethodRepositoryContract {
        @Override
        protected ShippingMethodRepository createRepository() {
            return new JdbiShippingMethodRepository(database(), USD);
        }

        @Override
        protected Transactions transactions() {
            return database().transactions();
        }
    }

    @Nested
    class TaxRates extends TaxRateRepositoryContract {
        @Override
        protected TaxRateRepository createRepository() {
            return new JdbiTaxRateRepository(database());
        }

        @Override
        protected Transactions transactions() {
            return database().transactions();
        }
    }
}
