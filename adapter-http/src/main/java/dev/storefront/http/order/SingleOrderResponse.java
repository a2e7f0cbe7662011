package dev.storefront.http.order;

import dev.storefront.domain.order.Order;

/** {@code {"order": Order}}. */
public record SingleOrderResponse(OrderResponse order) {
    public static SingleOrderResponse from(Order order) {
        return new SingleOrderResponse(OrderResponse.from(order));
    }
}
