package dev.storefront.domain.port.in.cart;

import dev.storefront.domain.cart.CartOwner;
import java.util.Objects;

/** Whose cart to show. */
public record CartQuery(CartOwner owner) {
    public CartQuery {
        Objects.requireNonNull(owner, "owner");
    }
}
