package dev.storefront.domain.port.in.order;

import dev.storefront.domain.address.AddressNotFound;
import dev.storefront.domain.catalog.InsufficientStock;
import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.order.EmptyCart;
import dev.storefront.domain.promo.PromoCodeRejected;

/**
 * Turns the user's saved cart into an order, atomically: today's prices, priced with the chosen
 * address, method and promo code as {@link QuoteCheckoutUseCase} quotes it, stock and the promo
 * code's use taken only where enough remains, the cart emptied — all or nothing.
 */
@FunctionalInterface
public interface CheckoutUseCase {
    /**
     * @throws EmptyCart          when the cart has no lines (and the key was not used before)
     * @throws InsufficientStock  listing every line that is out of stock or no longer sold
     * @throws AddressNotFound    when {@code addressId} is not one of the user's
     * @throws PromoCodeRejected  when the promo code cannot be used (also when its last use went to a concurrent checkout)
     * @throws InvalidInputException naming a missing address or method, or a method that cannot ship there
     */
    CheckoutResult checkout(CheckoutCommand command);
}
