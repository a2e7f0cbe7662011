package dev.storefront.domain.port.in.catalog;

import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.catalog.ProductNotFound;

/**
 * Admin: hide a product from the shop. Nothing is deleted: orders keep their lines and the product
 * can be brought back with an update. Deactivating an inactive product changes nothing.
 */
@FunctionalInterface
public interface DeactivateProductUseCase {
    /** @throws ProductNotFound when there is no product with the id */
    void deactivateProduct(ProductId id);
}
