package dev.storefront.domain.port.in.cart;

import dev.storefront.domain.cart.CartLineLimitExceeded;
import dev.storefront.domain.cart.CartView;
import dev.storefront.domain.catalog.InsufficientStock;
import dev.storefront.domain.catalog.ProductNotFound;

/** Adds units of a product to the cart, to its existing line if it has one. */
@FunctionalInterface
public interface AddCartItemUseCase {
    /**
     * @return the cart after the change
     * @throws ProductNotFound        when the product is unknown or inactive
     * @throws InsufficientStock      when the line would hold more than the stock
     * @throws CartLineLimitExceeded  when the line would hold more than 99
     */
    CartView addItem(AddCartItemCommand command);
}
