package dev.storefront.domain.order;

import dev.storefront.domain.address.PostalAddress;
import dev.storefront.domain.checkout.PriceBreakdown;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.promo.PromoCodeId;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An order: who placed it, its frozen lines, what it charged ({@link PriceBreakdown}), where it goes
 * and how, and where it is in the {@link OrderStatus} state machine. Immutable; a transition returns
 * the order in its new state. The breakdown's subtotal is always the exact sum of the line totals;
 * the total is the breakdown's (subtotal − discount + shipping + tax), derived, never stored apart.
 *
 * @param shippingAddress the address as it was at checkout, {@code null} when nothing is shipped
 * @param shippingMethod  the method as it was at checkout, {@code null} when nothing is shipped
 * @param promoCode       the code the order used, {@code null} for none
 * @param trackingNumber  the shipment's tracking number, {@code null} until shipped
 * @param carrier         who carries the shipment, {@code null} until shipped
 */
public record Order(OrderId id, UserId userId, OrderStatus status, List<OrderLine> lines, Currency currency,
                    Instant createdAt, Instant updatedAt, PriceBreakdown price, PostalAddress shippingAddress,
                    ShippingMethodSnapshot shippingMethod, PromoCodeId promoCode, String trackingNumber,
                    String carrier) {

    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(price, "price");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
        if (new HashSet<>(lines.stream().map(OrderLine::productId).toList()).size() != lines.size()) {
            throw new IllegalArgumentException("an order has one line per product");
        }
        for (OrderLine line : lines) {
            if (!line.unitPrice().currency().equals(currency)) {
                throw new IllegalArgumentException("line in " + line.unitPrice().currency() + " in an order in " + currency);
            }
        }
        if (!price.subtotal().currency().equals(currency)) {
            throw new IllegalArgumentException("price in " + price.subtotal().currency() + " in an order in " + currency);
        }
        Money lineSum = linesTotal(lines, currency);
        if (!price.subtotal().equals(lineSum)) {
            throw new IllegalArgumentException("subtotal " + price.subtotal() + " is not the sum of the lines " + lineSum);
        }
        if (shippingMethod != null && shippingAddress == null) {
            throw new IllegalArgumentException("a shipping method without an address to ship to");
        }
        if (updatedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("updatedAt before createdAt");
        }
    }

    /**
     * An order as placed before shipping, tax and promo codes existed: nothing off, nothing shipped,
     * no tax; the total is the sum of the lines.
     */
    public Order(OrderId id, UserId userId, OrderStatus status, List<OrderLine> lines, Currency currency,
                 Instant createdAt, Instant updatedAt) {
        this(id, userId, status, lines, currency, createdAt, updatedAt,
                PriceBreakdown.ofSubtotal(linesTotal(List.copyOf(lines), currency)), null, null, null, null, null);
    }

    static Money linesTotal(List<OrderLine> lines, Currency currency) {
        return lines.stream().map(OrderLine::lineTotal).reduce(Money.zero(currency), Money::plus);
    }

    /** What the order charges: subtotal − discount + shipping + tax. */
    public Money total() {
        return price.total();
    }

    public Money subtotal() {
        return price.subtotal();
    }

    public int itemCount() {
        return lines.stream().mapToInt(OrderLine::quantity).sum();
    }

    public Optional<PostalAddress> shippingAddressIfAny() {
        return Optional.ofNullable(shippingAddress);
    }

    public Optional<ShippingMethodSnapshot> shippingMethodIfAny() {
        return Optional.ofNullable(shippingMethod);
    }

    public Optional<PromoCodeId> promoCodeIfAny() {
        return Optional.ofNullable(promoCode);
    }

    /**
     * This order moved to {@code next} at {@code now}.
     *
     * @throws IllegalOrderTransition when the state machine does not allow it
     */
    public Order moveTo(OrderStatus next, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalOrderTransition(status, next);
        }
        return withStatus(next, now.isBefore(createdAt) ? createdAt : now);
    }

    /**
     * This order in {@code next} as of {@code updatedAt}, everything else kept, without asking the
     * state machine: for a repository applying a move it has already checked.
     */
    public Order withStatus(OrderStatus next, Instant updatedAt) {
        return new Order(id, userId, next, lines, currency, createdAt, updatedAt, price, shippingAddress,
                shippingMethod, promoCode, trackingNumber, carrier);
    }

    public boolean isOwnedBy(UserId user) {
        return userId.equals(user);
    }
}
