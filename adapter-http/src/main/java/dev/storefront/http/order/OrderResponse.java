package dev.storefront.http.order;

import dev.storefront.domain.order.Order;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code Order} of api.md: {@code {"id", "status", "items", "itemCount", "total", "currency",
 * "createdAt", "updatedAt"}}; the total is the exact sum of the line totals.
 */
public record OrderResponse(long id, String status, List<OrderItemResponse> items, int itemCount, String total,
                            String currency, String createdAt, String updatedAt) {
    public static OrderResponse from(Order order) {
        return new OrderResponse(order.id().value(), order.status().name(),
                order.lines().stream().map(OrderItemResponse::from).toList(), order.itemCount(),
                order.total().toPlainString(), order.currency().getCurrencyCode(), timestamp(order.createdAt()),
                timestamp(order.updatedAt()));
    }

    /** ISO-8601 UTC to the second, like every timestamp of the API. */
    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
