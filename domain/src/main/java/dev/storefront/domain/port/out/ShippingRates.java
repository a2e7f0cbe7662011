package dev.storefront.domain.port.out;

import dev.storefront.domain.address.PostalAddress;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.shipping.ShippingMethod;

/**
 * What shipping costs. The default reads the method's own price and {@code freeOver}
 * ({@link ShippingMethod#priceFor}); an embedder plugs in a carrier's rates here. A free-shipping
 * promo code is applied after this, by the pricing ({@code Pricing}).
 */
public interface ShippingRates {

    /**
     * The shipping of an order whose subtotal after the discount is {@code discountedSubtotal}, by
     * {@code method} (which ships to the destination's country), in the subtotal's currency; never negative.
     */
    Money price(ShippingMethod method, PostalAddress destination, Money discountedSubtotal);
}
