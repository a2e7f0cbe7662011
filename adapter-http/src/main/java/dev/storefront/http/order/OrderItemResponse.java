package dev.storefront.http.order;

import dev.storefront.domain.order.OrderLine;

/** One line of an order as frozen at checkout: money as two-decimal strings. */
public record OrderItemResponse(long productId, String sku, String name, String unitPrice, int quantity,
                                String lineTotal) {
    public static OrderItemResponse from(OrderLine line) {
        return new OrderItemResponse(line.productId().value(), line.sku(), line.name(),
                line.unitPrice().toPlainString(), line.quantity(), line.lineTotal().toPlainString());
    }
}
