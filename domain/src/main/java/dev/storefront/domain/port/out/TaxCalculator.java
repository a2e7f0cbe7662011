package dev.storefront.domain.port.out;

import dev.storefront.domain.checkout.TaxLocation;
import dev.storefront.domain.money.Money;

/**
 * The tax on an order. The default reads the admin-managed rates (the region's rate wins over the
 * country's; no rate, no tax; half-up to the cent, once per order); an embedder plugs in a tax
 * service here. Catalog prices are net: {@code taxable} is subtotal − discount + shipping.
 */
public interface TaxCalculator {

    /** The tax on {@code taxable} for an order shipped to (or taxed at) {@code location}; never negative. */
    Money tax(TaxLocation location, Money taxable);
}
