package dev.storefront.domain.port.in.order;

import dev.storefront.domain.order.Order;
import java.util.Objects;

/** The order placed, or ({@code replayed}) the one an earlier attempt with the same key placed. */
public record CheckoutResult(Order order, boolean replayed) {
    public CheckoutResult {
        Objects.requireNonNull(order, "order");
    }
}
