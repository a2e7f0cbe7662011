package dev.storefront.persistence.jdbi;

import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.contract.ProductRepositoryContract;
import dev.storefront.persistence.postgres.PostgresDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The product repository contract on PostgreSQL. */
class PostgresProductRepositoryIT extends ProductRepositoryContract {
    private PostgresDatabase database;
    private ProductRepository repository;

    @BeforeEach
    void freshDatabase() {
        database = PostgresTestDatabases.fresh();
        repository = repositoryOn(database);
    }

    /** The repository under test; the caching variant puts the read cache in front. */
    ProductRepository repositoryOn(PostgresDatabase database) {
        return new JdbiProductRepository(database, USD);
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Override
    protected ProductRepository repository() {
        return repository;
    }

    @Override
    protected Transactions transactions() {
        return database.transactions();
    }
}
