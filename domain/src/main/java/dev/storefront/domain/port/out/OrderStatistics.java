package dev.storefront.domain.port.out;

import dev.storefront.domain.checkout.PriceBreakdown;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * A user's order figures for the dashboard: how many orders they placed (any state), what they
 * spent (the totals of the orders that are not cancelled) and their newest orders.
 */
@FunctionalInterface
public interface OrderStatistics {
    /** How many recent orders the dashboard shows. */
    int RECENT_ORDERS = 5;

    OrderStats statsFor(UserId userId);

    /** No orders anywhere: zero orders, nothing spent, no recent orders. */
    static OrderStatistics none(Currency currency) {
        OrderStats empty = new OrderStats(0, Money.zero(currency), List.of());
        return userId -> empty;
    }

    /** {@code recentOrders}: at most five, newest first. */
    record OrderStats(long orders, Money totalSpent, List<RecentOrder> recentOrders) {
        public OrderStats {
            Objects.requireNonNull(totalSpent, "totalSpent");
            recentOrders = List.copyOf(recentOrders);
            if (orders < 0) {
                throw new IllegalArgumentException("orders must not be negative");
            }
        }
    }

    record RecentOrder(OrderId id, String status, int itemCount, PriceBreakdown price, Instant createdAt,
                       Instant updatedAt) {
        public RecentOrder {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(updatedAt, "updatedAt");
        }

        /** subtotal − discount + shipping + tax, as {@code Order#total()}. */
        public Money total() {
            return price.total();
        }
    }
}
