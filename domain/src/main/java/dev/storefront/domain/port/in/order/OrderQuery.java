package dev.storefront.domain.port.in.order;

import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.user.UserId;
import java.util.Objects;

/** One order, as its owner asks for it. */
public record OrderQuery(UserId userId, OrderId orderId) {
    public OrderQuery {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(orderId, "orderId");
    }
}
