package dev.storefront.domain.cart;

import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.common.NotFoundException;

/** The product has no line in this cart. */
public final class CartLineNotFound extends NotFoundException {
    private static final long serialVersionUID = 1L;
    private final transient ProductId productId;

    public CartLineNotFound(ProductId productId) {
        super("Product " + productId + " is not in the cart");
        this.productId = productId;
    }

    public ProductId productId() {
        return productId;
    }
}
