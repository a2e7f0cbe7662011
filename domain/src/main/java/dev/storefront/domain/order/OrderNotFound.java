package dev.storefront.domain.order;

import dev.storefront.domain.common.NotFoundException;

/** No order with this id, or not the caller's (the two are not told apart). */
public final class OrderNotFound extends NotFoundException {
    private static final long serialVersionUID = 1L;
    private final transient OrderId orderId;

    public OrderNotFound(OrderId orderId) {
        super("Order not found");
        this.orderId = orderId;
    }

    public OrderId orderId() {
        return orderId;
    }
}
