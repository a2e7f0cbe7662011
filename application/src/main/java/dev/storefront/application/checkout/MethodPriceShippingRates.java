package dev.storefront.application.checkout;

import dev.storefront.domain.address.PostalAddress;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.port.out.ShippingRates;
import dev.storefront.domain.shipping.ShippingMethod;

/** The default {@link ShippingRates}: the method's own flat price, nothing from its {@code freeOver} on. */
public final class MethodPriceShippingRates implements ShippingRates {

    @Override
    public Money price(ShippingMethod method, PostalAddress destination, Money discountedSubtotal) {
        return method.priceFor(discountedSubtotal);
    }
}
