package dev.storefront.domain.port.in.order;

import dev.storefront.domain.order.IllegalOrderTransition;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderNotFound;

/** The owner cancels a PENDING or PAID order; its units go back to stock, exactly once. */
@FunctionalInterface
public interface CancelOrderUseCase {
    /**
     * @throws OrderNotFound          when there is no such order or it is another user's
     * @throws IllegalOrderTransition when the order's state does not allow cancelling (a second cancel included)
     */
    Order cancelOrder(CancelOrderCommand command);
}
