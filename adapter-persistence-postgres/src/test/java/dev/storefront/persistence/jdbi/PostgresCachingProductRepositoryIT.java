package dev.storefront.persistence.jdbi;

import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.persistence.postgres.PostgresDatabase;

/** The product repository contract with the read cache in front of PostgreSQL: reads after writes stay exact. */
class PostgresCachingProductRepositoryIT extends PostgresProductRepositoryIT {
    @Override
    ProductRepository repositoryOn(PostgresDatabase database) {
        return new CachingProductRepository(new JdbiProductRepository(database, USD));
    }
}
