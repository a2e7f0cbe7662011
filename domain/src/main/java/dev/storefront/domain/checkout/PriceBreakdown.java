package dev.storefront.domain.checkout;

import dev.storefront.domain.money.Money;
import java.util.Objects;

/**
 * What an order costs, each part rounded to the cent on its own: the subtotal of the lines, the
 * promo code's discount, shipping and tax. The total is derived, never stored apart from them.
 */
public record PriceBreakdown(Money subtotal, Money discount, Money shipping, Money tax) {
    public PriceBreakdown {
        Objects.requireNonNull(subtotal, "subtotal");
        Objects.requireNonNull(discount, "discount");
        Objects.requireNonNull(shipping, "shipping");
        Objects.requireNonNull(tax, "tax");
        if (subtotal.isNegative() || discount.isNegative() || shipping.isNegative() || tax.isNegative()) {
            throw new IllegalArgumentException("no part of a price is negative");
        }
        if (discount.compareTo(subtotal) > 0) {
            throw new IllegalArgumentException("a discount never exceeds the subtotal");
        }
        subtotal.plus(discount).plus(shipping).plus(tax); // one currency
    }

    /** Nothing off, no shipping, no tax: an order priced as before shipping and tax existed. */
    public static PriceBreakdown ofSubtotal(Money subtotal) {
        Money zero = Money.zero(subtotal.currency());
        return new PriceBreakdown(subtotal, zero, zero, zero);
    }

    /** subtotal − discount + shipping + tax. */
    public Money total() {
        return subtotal.minus(discount).plus(shipping).plus(tax);
    }
}
