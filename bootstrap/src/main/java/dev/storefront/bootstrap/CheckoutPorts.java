package dev.storefront.bootstrap;

import dev.storefront.domain.port.out.AddressRepository;
import dev.storefront.domain.port.out.PromoCodeRepository;
import dev.storefront.domain.port.out.ShippingMethodRepository;
import dev.storefront.domain.port.out.ShippingRates;
import dev.storefront.domain.port.out.TaxCalculator;
import java.util.Objects;

/** What checkout needs from the address book, shipping and promotions modules. */
record CheckoutPorts(AddressRepository addresses, ShippingMethodRepository shippingMethods,
                     ShippingRates shippingRates, TaxCalculator taxCalculator, PromoCodeRepository promoCodes) {
    CheckoutPorts {
        Objects.requireNonNull(addresses, "addresses");
        Objects.requireNonNull(shippingMethods, "shippingMethods");
        Objects.requireNonNull(shippingRates, "shippingRates");
        Objects.requireNonNull(taxCalculator, "taxCalculator");
        Objects.requireNonNull(promoCodes, "promoCodes");
    }
}
