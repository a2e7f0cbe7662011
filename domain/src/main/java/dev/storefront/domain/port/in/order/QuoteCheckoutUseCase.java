package dev.storefront.domain.port.in.order;

import dev.storefront.domain.address.AddressNotFound;
import dev.storefront.domain.catalog.InsufficientStock;
import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.order.EmptyCart;
import dev.storefront.domain.promo.PromoCodeRejected;

/**
 * Prices the user's saved cart as {@link CheckoutUseCase} would, with the same rules and the same
 * pricing, in a read-only transaction: nothing is reserved or written.
 */
@FunctionalInterface
public interface QuoteCheckoutUseCase {
    /**
     * @throws EmptyCart             when the cart has no lines
     * @throws InsufficientStock     listing every line that is out of stock or no longer sold (as checkout would)
     * @throws AddressNotFound       when {@code addressId} is not one of the user's
     * @throws PromoCodeRejected     when the promo code cannot be used, saying why
     * @throws InvalidInputException naming a missing address or method, or a method that cannot ship there
     */
    CheckoutQuote quote(QuoteCheckoutQuery query);
}
