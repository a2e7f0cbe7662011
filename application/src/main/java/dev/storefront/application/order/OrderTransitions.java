package dev.storefront.application.order;

import dev.storefront.domain.order.IllegalOrderTransition;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderLine;
import dev.storefront.domain.order.OrderStatus;
import dev.storefront.domain.port.out.OrderRepository;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.PromoCodeRepository;
import java.time.Instant;
import java.util.Comparator;

/**
 * Moving a loaded order to its next state, inside the caller's write transaction: the domain's
 * transition table decides, the repository's compare-and-set write makes the move happen once
 * even if two callers raced past the check, and a move to a state that restores stock gives every
 * line's units back and the promo code's use — only by the caller whose write succeeded, so
 * exactly once.
 */
final class OrderTransitions {
    private final OrderRepository orders;
    private final ProductRepository products;
    private final PromoCodeRepository promoCodes;

    OrderTransitions(OrderRepository orders, ProductRepository products, PromoCodeRepository promoCodes) {
        this.orders = orders;
        this.products = products;
        this.promoCodes = promoCodes;
    }

    Order move(Order order, OrderStatus next, Instant now) {
        Order moved = order.moveTo(next, now);
        if (!orders.changeStatus(order.id(), order.status(), next, moved.updatedAt())) {
            OrderStatus current = orders.findById(order.id()).map(Order::status).orElse(order.status());
            throw new IllegalOrderTransition(current, next);
        }
        if (next.restoresStock()) {
            // In ascending product id order, as checkout takes it: the two never wait for each other in a cycle.
            for (OrderLine line : order.lines().stream()
                    .sorted(Comparator.comparingLong(l -> l.productId().value())).toList()) {
                if (!products.returnStock(line.productId(), line.quantity())) {
                    throw new IllegalStateException("order " + order.id() + " refers to missing product "
                            + line.productId());
                }
            }
            // The order's use of its code, if any: the repository gives back a use once per order.
            promoCodes.giveBack(order.id());
        }
        return moved;
    }
}
