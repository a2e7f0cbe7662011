package dev.storefront.domain.port.in.order;

import dev.storefront.domain.order.IllegalOrderTransition;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderNotFound;

/** Admin: move an order along the state machine; moving to CANCELLED restores stock, exactly once. */
@FunctionalInterface
public interface ChangeOrderStatusUseCase {
    /**
     * @throws OrderNotFound          when there is no such order
     * @throws IllegalOrderTransition when the state machine does not allow the move
     */
    Order changeOrderStatus(ChangeOrderStatusCommand command);
}
