package dev.storefront.domain.port.in.cart;

import dev.storefront.domain.cart.CartOwner;
import java.util.Objects;

/** Empty the owner's cart. */
public record ClearCartCommand(CartOwner owner) {
    public ClearCartCommand {
        Objects.requireNonNull(owner, "owner");
    }
}
