package dev.storefront.http.catalog;

import dev.storefront.domain.catalog.Product;

/** {@code {"product": Product}}; the product as {@link ProductResponse}. */
public record SingleProductResponse(ProductJson product) {
    public static SingleProductResponse from(Product product, ProductJsonCache products) {
        return new SingleProductResponse(products.of(product));
    }
}
