package dev.storefront.persistence.jdbi;

import dev.storefront.persistence.sqlite.SqliteDatabase;
import dev.storefront.domain.port.out.ProductRepository;

/** The product repository contract with the read cache in front of SQLite: reads after writes stay exact. */
class CachingProductRepositoryContractIT extends JdbiProductRepositoryIT {
    @Override
    ProductRepository repositoryOn(SqliteDatabase database) {
        return new CachingProductRepository(new JdbiProductRepository(database, USD));
    }
}
