package dev.storefront.domain.order;

import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * An order being placed, before the store gives it an id. It starts {@link OrderStatus#PENDING},
 * created and updated at {@code placedAt}; {@link #withId} checks every rule of {@link Order}.
 */
public record NewOrder(UserId userId, List<OrderLine> lines, Currency currency, Instant placedAt) {
    public NewOrder {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(placedAt, "placedAt");
        lines = List.copyOf(lines);
    }

    public Order withId(OrderId id) {
        return new Order(id, userId, OrderStatus.PENDING, lines, currency, placedAt, placedAt);
    }
}
