package dev.storefront.domain.port.in.cart;

import dev.storefront.domain.cart.CartLineNotFound;
import dev.storefront.domain.cart.CartView;

/** Removes one line from the cart. */
@FunctionalInterface
public interface RemoveCartItemUseCase {
    /**
     * @return the cart after the change
     * @throws CartLineNotFound when the product is not in the cart
     */
    CartView removeItem(RemoveCartItemCommand command);
}
