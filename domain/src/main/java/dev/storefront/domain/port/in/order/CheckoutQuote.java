package dev.storefront.domain.port.in.order;

import dev.storefront.domain.checkout.PriceBreakdown;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.order.OrderLine;
import dev.storefront.domain.order.ShippingMethodSnapshot;
import dev.storefront.domain.promo.PromoCodeId;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a checkout would charge now: the lines at today's prices and the price breakdown, with the
 * method and promo code it would carry. Exactly what the order would hold, nothing reserved.
 */
public record CheckoutQuote(List<OrderLine> lines, PriceBreakdown price, Currency currency,
                            Optional<ShippingMethodSnapshot> shippingMethod, Optional<PromoCodeId> promoCode) {
    public CheckoutQuote {
        lines = List.copyOf(lines);
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(shippingMethod, "shippingMethod");
        Objects.requireNonNull(promoCode, "promoCode");
    }

    public Money total() {
        return price.total();
    }

    public int itemCount() {
        return lines.stream().mapToInt(OrderLine::quantity).sum();
    }
}
