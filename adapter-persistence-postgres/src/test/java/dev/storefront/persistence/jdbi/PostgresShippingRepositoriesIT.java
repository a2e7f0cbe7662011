package dev.storefront.persistence.jdbi;

import dev.storefront.domain.port.out.ShippingMethodRepository;
import dev.storefront.domain.port.out.TaxRateRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.contract.ShippingMethodRepositoryContract;
import dev.storefront.domain.port.out.contract.TaxRateRepositoryContract;
import dev.storefront.persistence.postgres.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;

/** The shipping method and tax rate contracts on PostgreSQL, a fresh database of the throwaway cluster per test. */
class PostgresShippingRepositoriesIT {
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
