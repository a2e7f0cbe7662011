package dev.storefront.domain.port.in.catalog;

/**
 * Admin/operations: create or update many products by sku (compared regardless of case). Every row
 * is checked first; if any is invalid (or two rows share a sku), nothing is written. Otherwise all
 * rows are written: a small file in one transaction, a larger one staged, decided and applied in
 * chunks, so that no transaction holds the write lock for long; once decided, a file whose import
 * stops part-way is finished by the next import or by {@link ResumeCatalogImportsUseCase}.
 */
@FunctionalInterface
public interface ImportCatalogUseCase {
    ImportCatalogResult importCatalog(ImportCatalogCommand command);
}
