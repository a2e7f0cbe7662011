package dev.storefront.domain.port.in.order;

import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.order.OrderStatus;
import java.util.Objects;

/** Admin: move any order to another state. */
public record ChangeOrderStatusCommand(OrderId orderId, OrderStatus status) {
    public ChangeOrderStatusCommand {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(status, "status");
    }
}
