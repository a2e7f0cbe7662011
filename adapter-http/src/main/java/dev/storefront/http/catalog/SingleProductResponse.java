package dev.storefront.http.catalog;

import dev.storefront.domain.catalog.Product;

/** {@code {"product": Product}}. */
public record SingleProductResponse(ProductResponse product) {
    public static SingleProductResponse from(Product product) {
        return new SingleProductResponse(ProductResponse.from(product));
    }
}
