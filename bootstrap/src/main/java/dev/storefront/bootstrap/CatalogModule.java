package dev.storefront.bootstrap;

import dev.storefront.application.catalog.CreateProductService;
import dev.storefront.application.catalog.DeactivateProductService;
import dev.storefront.application.catalog.GetProductService;
import dev.storefront.application.catalog.ImportCatalogService;
import dev.storefront.application.catalog.ListCategoriesService;
import dev.storefront.application.catalog.ResumeCatalogImportsService;
import dev.storefront.application.catalog.SearchProductsService;
import dev.storefront.application.catalog.UpdateProductService;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.http.catalog.CatalogRoutes;
import dev.storefront.persistence.jdbi.CachingProductRepository;
import dev.storefront.persistence.jdbi.Database;
import dev.storefront.persistence.jdbi.JdbiCatalogImportJournal;
import dev.storefront.persistence.jdbi.JdbiProductRepository;
import java.util.Currency;

/** The catalog use cases, on the JDBI product repository behind the catalog read cache. */
final class CatalogModule {
    final ProductRepository products;
    final CatalogUseCases useCases;

    CatalogModule(Database database, StorefrontBuilder builder) {
        Currency currency = builder.config.currency();
        TimeSource time = builder.timeSource;
        JdbiProductRepository stored = new JdbiProductRepository(database, currency);
        products = builder.catalogCache ? new CachingProductRepository(stored) : stored;
        Transactions tx = database.transactions();
        JdbiCatalogImportJournal imports = new JdbiCatalogImportJournal(database);
        useCases = new CatalogUseCases(
                new SearchProductsService(products),
                new GetProductService(products),
                new ListCategoriesService(products),
                new CreateProductService(products, tx, time, currency),
                new UpdateProductService(products, tx),
                new DeactivateProductService(products, tx),
                new ImportCatalogService(products, imports, tx, database.locks(), time, currency),
                new ResumeCatalogImportsService(products, imports, tx, database.locks(), time, currency));
    }

    CatalogRoutes routes() {
        return new CatalogRoutes(useCases.searchProducts(), useCases.getProduct(), useCases.listCategories(),
                useCases.createProduct(), useCases.updateProduct(), useCases.deactivateProduct());
    }
}
