package dev.storefront.domain.port.in.catalog;

import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.common.Page;

/** Browse the shop: a filtered, sorted page of the active products. */
@FunctionalInterface
public interface SearchProductsUseCase {
    Page<Product> searchProducts(ProductSearchQuery query);
}
