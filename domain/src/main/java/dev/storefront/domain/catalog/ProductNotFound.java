package dev.storefront.domain.catalog;

import dev.storefront.domain.common.NotFoundException;

/** No product with this id (or, where only active products count, none that is active). */
public final class ProductNotFound extends NotFoundException {
    private static final long serialVersionUID = 1L;
    private final transient ProductId productId;

    public ProductNotFound(ProductId productId) {
        super("Product not found");
        this.productId = productId;
    }

    public ProductId productId() {
        return productId;
    }
}
