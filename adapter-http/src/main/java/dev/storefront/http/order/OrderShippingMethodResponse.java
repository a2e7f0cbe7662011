package dev.storefront.http.order;

import dev.storefront.domain.order.ShippingMethodSnapshot;

/** The shipping method on an order or a quote: {@code {"code", "name"}}, as it was at checkout. */
public record OrderShippingMethodResponse(String code, String name) {
    public static OrderShippingMethodResponse from(ShippingMethodSnapshot method) {
        return new OrderShippingMethodResponse(method.code().value(), method.name());
    }
}
