package dev.storefront.domain.port.in.cart;

import dev.storefront.domain.cart.CartLineNotFound;
import dev.storefront.domain.cart.CartView;
import dev.storefront.domain.catalog.InsufficientStock;

/** Changes how many units a line holds; 0 removes it. */
@FunctionalInterface
public interface SetCartItemQuantityUseCase {
    /**
     * @return the cart after the change
     * @throws CartLineNotFound  when the product is not in the cart
     * @throws InsufficientStock when the quantity is more than the stock (an inactive product has none)
     */
    CartView setQuantity(SetCartItemQuantityCommand command);
}
