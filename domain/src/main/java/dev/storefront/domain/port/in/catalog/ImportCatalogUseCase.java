package dev.storefront.domain.port.in.catalog;

/**
 * Admin/operations: create or update many products by sku (compared regardless of case). Every row
 * is checked first; if any is invalid (or two rows share a sku), nothing is written. Otherwise all
 * rows are written in one transaction.
 */
@FunctionalInterface
public interface ImportCatalogUseCase {
    ImportCatalogResult importCatalog(ImportCatalogCommand command);
}
