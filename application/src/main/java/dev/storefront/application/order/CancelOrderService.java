package dev.storefront.application.order;

import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderNotFound;
import dev.storefront.domain.order.OrderStatus;
import dev.storefront.domain.port.in.order.CancelOrderCommand;
import dev.storefront.domain.port.in.order.CancelOrderUseCase;
import dev.storefront.domain.port.out.OrderRepository;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.PromoCodeRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.Transactions;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * The owner's cancel: load, check owner and state, move and restore stock and the promo code's use,
 * in one write transaction.
 */
public final class CancelOrderService implements CancelOrderUseCase {
    private final Transactions transactions;
    private final OrderRepository orders;
    private final OrderTransitions transitions;
    private final TimeSource time;

    @Inject
    public CancelOrderService(Transactions transactions, OrderRepository orders, ProductRepository products,
                              PromoCodeRepository promoCodes, TimeSource time) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.transitions = new OrderTransitions(orders, Objects.requireNonNull(products, "products"),
                Objects.requireNonNull(promoCodes, "promoCodes"));
        this.time = Objects.requireNonNull(time, "time");
    }

    @Override
    public Order cancelOrder(CancelOrderCommand command) {
        Objects.requireNonNull(command, "command");
        return transactions.inTransaction(() -> {
            Order order = orders.findById(command.orderId())
                    .filter(o -> o.isOwnedBy(command.userId()))
                    .orElseThrow(() -> new OrderNotFound(command.orderId()));
            return transitions.move(order, OrderStatus.CANCELLED, time.now());
        });
    }
}
