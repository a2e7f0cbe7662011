package dev.storefront.domain.port.in.order;

import dev.storefront.domain.catalog.InsufficientStock;
import dev.storefront.domain.order.EmptyCart;

/**
 * Turns the user's saved cart into an order, atomically: today's prices, stock taken only where
 * enough remains, the cart emptied — all or nothing.
 */
@FunctionalInterface
public interface CheckoutUseCase {
    /**
     * @throws EmptyCart          when the cart has no lines (and the key was not used before)
     * @throws InsufficientStock  listing every line that is out of stock or no longer sold
     */
    CheckoutResult checkout(CheckoutCommand command);
}
