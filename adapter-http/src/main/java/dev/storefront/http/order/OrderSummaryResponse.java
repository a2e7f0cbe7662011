package dev.storefront.http.order;

import dev.storefront.domain.order.Order;

/** {@code OrderSummary} of api.md: the status and the money fields of an {@code Order}, without its items. */
public record OrderSummaryResponse(long id, String status, int itemCount, String subtotal, String discount,
                                   String shipping, String tax, String total, String currency,
                                   String createdAt, String updatedAt) {
    public static OrderSummaryResponse from(Order order) {
        return new OrderSummaryResponse(order.id().value(), order.status().name(), order.itemCount(),
                order.price().subtotal().toPlainString(), order.price().discount().toPlainString(),
                order.price().shipping().toPlainString(), order.price().tax().toPlainString(),
                order.total().toPlainString(), order.currency().getCurrencyCode(),
                OrderResponse.timestamp(order.createdAt()), OrderResponse.timestamp(order.updatedAt()));
    }
}
