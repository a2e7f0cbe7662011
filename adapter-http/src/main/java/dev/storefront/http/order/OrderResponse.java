package dev.storefront.http.order;

import dev.storefront.domain.order.Order;
import dev.storefront.http.address.PostalAddressResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code Order} of api.md: {@code {"id", "status", "items", "itemCount", "subtotal", "discount",
 * "shipping", "tax", "total", "currency", "shippingAddress", "shippingMethod", "promoCode", "payment",
 * "trackingNumber", "carrier", "createdAt", "updatedAt"}}; the total is subtotal − discount +
 * shipping + tax, the subtotal the exact sum of the line totals; what an order does not have is null.
 */
public record OrderResponse(long id, String status, List<OrderItemResponse> items, int itemCount, String subtotal,
                            String discount, String shipping, String tax, String total, String currency,
                            PostalAddressResponse shippingAddress, OrderShippingMethodResponse shippingMethod,
                            String promoCode, OrderPaymentResponse payment, String trackingNumber, String carrier,
                            String createdAt, String updatedAt) {
    public static OrderResponse from(Order order) {
        return new OrderResponse(order.id().value(), order.status().name(),
                order.lines().stream().map(OrderItemResponse::from).toList(), order.itemCount(),
                order.price().subtotal().toPlainString(), order.price().discount().toPlainString(),
                order.price().shipping().toPlainString(), order.price().tax().toPlainString(),
                order.total().toPlainString(), order.currency().getCurrencyCode(),
                order.shippingAddressIfAny().map(PostalAddressResponse::from).orElse(null),
                order.shippingMethodIfAny().map(OrderShippingMethodResponse::from).orElse(null),
                order.promoCodeIfAny().map(Object::toString).orElse(null), null, order.trackingNumber(),
                order.carrier(), timestamp(order.createdAt()), timestamp(order.updatedAt()));
    }

    /** ISO-8601 UTC to the second, like every timestamp of the API. */
    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
