package dev.storefront.persistence.jdbi;

import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.contract.ProductRepositoryContract;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The product repository contract against real SQLite in a temporary file. */
class JdbiProductRepositoryIT extends ProductRepositoryContract {
    @TempDir
    Path directory;
    private SqliteDatabase database;
    private ProductRepository repository;

    @BeforeEach
    void freshDatabase() {
        database = SqliteDatabase.open("jdbc:sqlite:" + directory.resolve("catalog.db"));
        repository = repositoryOn(database);
    }

    /** The repository under test; subclasses put something in front of the SQLite one. */
    ProductRepository repositoryOn(SqliteDatabase database) {
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
