package dev.storefront.bootstrap;

import dev.storefront.domain.port.in.catalog.CreateProductUseCase;
import dev.storefront.domain.port.in.catalog.DeactivateProductUseCase;
import dev.storefront.domain.port.in.catalog.GetProductUseCase;
import dev.storefront.domain.port.in.catalog.ImportCatalogUseCase;
import dev.storefront.domain.port.in.catalog.ListCategoriesUseCase;
import dev.storefront.domain.port.in.catalog.ResumeCatalogImportsUseCase;
import dev.storefront.domain.port.in.catalog.SearchProductsUseCase;
import dev.storefront.domain.port.in.catalog.UpdateProductUseCase;

/**
 * The catalog use cases, as {@code storefront.catalog()} gives them. {@code resumeCatalogImports}
 * finishes imports whose process stopped half-way; a running Storefront does it once a minute.
 */
public record CatalogUseCases(
        SearchProductsUseCase searchProducts,
        GetProductUseCase getProduct,
        ListCategoriesUseCase listCategories,
        CreateProductUseCase createProduct,
        UpdateProductUseCase updateProduct,
        DeactivateProductUseCase deactivateProduct,
        ImportCatalogUseCase importCatalog,
        ResumeCatalogImportsUseCase resumeCatalogImports) {}
