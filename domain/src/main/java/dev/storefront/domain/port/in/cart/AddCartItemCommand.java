package dev.storefront.domain.port.in.cart;

import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.cart.Quantity;
import dev.storefront.domain.catalog.ProductId;
import java.util.Objects;

/** Put {@code quantity} more units of a product into the owner's cart. */
public record AddCartItemCommand(CartOwner owner, ProductId productId, Quantity quantity) {
    public AddCartItemCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(quantity, "quantity");
    }
}
