package dev.storefront.domain.port.in.order;

import dev.storefront.domain.common.Page;
import dev.storefront.domain.order.Order;

/** The user's order history, newest first. */
@FunctionalInterface
public interface ListOrdersUseCase {
    Page<Order> listOrders(OrdersQuery query);
}
