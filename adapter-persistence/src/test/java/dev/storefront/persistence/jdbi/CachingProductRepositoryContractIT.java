package dev.storefront.persistence.jdbi;

import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.contract.ProductRepositoryContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The product repository contract with the read cache in front of SQLite: reads after writes stay exact. */
class CachingProductRepositoryContractIT extends ProductRepositoryContract {
    @TempDir
    Path directory;
    private SqliteDatabase database;
    private CachingProductRepository repository;

    @BeforeEach
    void freshDatabase() {
        database = SqliteDatabase.open("jdbc:sqlite:" + directory.resolve("catalog.db"));
        repository = new CachingProductRepository(new JdbiProductRepository(database, USD));
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
