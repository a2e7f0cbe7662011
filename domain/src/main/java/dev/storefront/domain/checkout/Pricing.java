package dev.storefront.domain.checkout;

import dev.storefront.domain.address.PostalAddress;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.port.out.ShippingRates;
import dev.storefront.domain.port.out.TaxCalculator;
import dev.storefront.domain.promo.PromoCode;
import dev.storefront.domain.shipping.ShippingMethod;
import java.util.Objects;
import java.util.Optional;

/**
 * The one pricing function: a quote and the checkout it precedes both call it, so they agree to
 * the cent. In this order:
 *
 * <ol>
 *   <li>discount = the promo code's {@link PromoCode#discountOn discount} of the subtotal
 *       (a percentage half-up to the cent; an amount capped at the subtotal);</li>
 *   <li>shipping = {@link ShippingRates#price} for the subtotal after the discount (so
 *       {@code freeOver} compares with the discounted subtotal), 0 with a free-shipping code,
 *       0 when nothing is shipped;</li>
 *   <li>tax = {@link TaxCalculator#tax} of subtotal − discount + shipping at the tax location,
 *       0 without one.</li>
 * </ol>
 */
public final class Pricing {
    private final ShippingRates shippingRates;
    private final TaxCalculator taxCalculator;

    public Pricing(ShippingRates shippingRates, TaxCalculator taxCalculator) {
        this.shippingRates = Objects.requireNonNull(shippingRates, "shippingRates");
        this.taxCalculator = Objects.requireNonNull(taxCalculator, "taxCalculator");
    }

    /** What is shipped where, by which method. */
    public record Shipment(ShippingMethod method, PostalAddress destination) {
        public Shipment {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(destination, "destination");
        }
    }

    /**
     * Prices an order of {@code subtotal}.
     *
     * @param promo       the promo code, already checked to apply ({@link PromoCode#rejection})
     * @param shipment    the method and destination, or empty when nothing is shipped
     * @param taxLocation where tax applies, or empty for no tax
     */
    public PriceBreakdown price(Money subtotal, Optional<PromoCode> promo, Optional<Shipment> shipment,
                                Optional<TaxLocation> taxLocation) {
        Money zero = Money.zero(subtotal.currency());
        Money discount = promo.map(p -> p.discountOn(subtotal)).orElse(zero);
        Money discounted = subtotal.minus(discount);
        Money shipping = zero;
        if (shipment.isPresent() && promo.map(p -> !p.freeShipping()).orElse(true)) {
            shipping = shippingRates.price(shipment.get().method(), shipment.get().destination(), discounted);
        }
        Money taxable = discounted.plus(shipping);
        Money tax = taxLocation.map(location -> taxCalculator.tax(location, taxable)).orElse(zero);
        return new PriceBreakdown(subtotal, discount, shipping, tax);
    }
}
