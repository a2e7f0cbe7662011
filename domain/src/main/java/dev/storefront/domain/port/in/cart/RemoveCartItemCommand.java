package dev.storefront.domain.port.in.cart;

import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.catalog.ProductId;
import java.util.Objects;

/** Take the product's line out of the owner's cart. */
public record RemoveCartItemCommand(CartOwner owner, ProductId productId) {
    public RemoveCartItemCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(productId, "productId");
    }
}
