package dev.storefront.domain.port.in.order;

import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderNotFound;

/** One of the user's orders with its lines. */
@FunctionalInterface
public interface GetOrderUseCase {
    /** @throws OrderNotFound when there is no such order or it is another user's */
    Order getOrder(OrderQuery query);
}
