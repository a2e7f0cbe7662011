package dev.storefront.domain.port.in.order;

import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.user.UserId;
import java.util.Objects;

/** The owner cancels one of their orders. */
public record CancelOrderCommand(UserId userId, OrderId orderId) {
    public CancelOrderCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(orderId, "orderId");
    }
}
