package dev.storefront.domain.port.in.cart;

import dev.storefront.domain.cart.CartView;

/** Empties the cart (an empty cart stays empty). */
@FunctionalInterface
public interface ClearCartUseCase {
    /** @return the empty cart */
    CartView clearCart(ClearCartCommand command);
}
