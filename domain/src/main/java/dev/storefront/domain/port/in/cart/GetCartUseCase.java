package dev.storefront.domain.port.in.cart;

import dev.storefront.domain.cart.CartView;

/** The owner's cart at today's prices (an empty cart when there is none). */
@FunctionalInterface
public interface GetCartUseCase {
    CartView getCart(CartQuery query);
}
