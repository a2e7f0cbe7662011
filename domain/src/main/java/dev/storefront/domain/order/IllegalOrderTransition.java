package dev.storefront.domain.order;

import dev.storefront.domain.common.ConflictException;

/** The order's state does not allow the requested move (cancelling a shipped order, say). */
public final class IllegalOrderTransition extends ConflictException {
    private static final long serialVersionUID = 1L;
    private final OrderStatus from;
    private final OrderStatus to;

    public IllegalOrderTransition(OrderStatus from, OrderStatus to) {
        super("An order that is " + from + " cannot become " + to);
        this.from = from;
        this.to = to;
    }

    public OrderStatus from() {
        return from;
    }

    public OrderStatus to() {
        return to;
    }
}
