package dev.storefront.domain.order;

import dev.storefront.domain.address.PostalAddress;
import dev.storefront.domain.checkout.PriceBreakdown;
import dev.storefront.domain.promo.PromoCodeId;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An order being placed, before the store gives it an id. It starts {@link OrderStatus#PENDING},
 * created and updated at {@code placedAt}, not yet shipped (no tracking number, no carrier);
 * {@link #withId} checks every rule of {@link Order}.
 *
 * @param shippingAddress {@code null} when nothing is shipped
 * @param shippingMethod  {@code null} when nothing is shipped
 * @param promoCode       {@code null} for none
 */
public record NewOrder(UserId userId, List<OrderLine> lines, Currency currency, Instant placedAt, PriceBreakdown price,
                       PostalAddress shippingAddress, ShippingMethodSnapshot shippingMethod, PromoCodeId promoCode) {
    public NewOrder {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(price, "price");
        lines = List.copyOf(lines);
    }

    /** An order priced at its lines only: nothing off, nothing shipped, no tax. */
    public NewOrder(UserId userId, List<OrderLine> lines, Currency currency, Instant placedAt) {
        this(userId, lines, currency, placedAt, PriceBreakdown.ofSubtotal(Order.linesTotal(List.copyOf(lines), currency)),
                null, null, null);
    }

    public Order withId(OrderId id) {
        return new Order(id, userId, OrderStatus.PENDING, lines, currency, placedAt, placedAt, price, shippingAddress,
                shippingMethod, promoCode, null, null);
    }
}
