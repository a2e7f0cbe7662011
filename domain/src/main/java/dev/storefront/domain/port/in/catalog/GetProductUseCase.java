package dev.storefront.domain.port.in.catalog;

import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.catalog.ProductNotFound;

/** One product of the shop. */
@FunctionalInterface
public interface GetProductUseCase {
    /** @throws ProductNotFound when there is no such product or it is inactive */
    Product getProduct(ProductId id);
}
