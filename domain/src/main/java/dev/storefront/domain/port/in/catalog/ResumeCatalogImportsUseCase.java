package dev.storefront.domain.port.in.catalog;

/**
 * Operations: finishes catalog imports whose process stopped after the import was decided (its
 * file fully staged) but before all of it was applied, and discards those that stopped while
 * still staging. A running server calls it once a minute.
 */
@FunctionalInterface
public interface ResumeCatalogImportsUseCase {
    /** @return how many stopped imports were finished or discarded */
    int resumeCatalogImports();
}
