package dev.storefront.application.order;

import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderNotFound;
import dev.storefront.domain.port.in.order.ChangeOrderStatusCommand;
import dev.storefront.domain.port.in.order.ChangeOrderStatusUseCase;
import dev.storefront.domain.port.out.OrderRepository;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.PromoCodeRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.Transactions;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * Admin status changes along the state machine, in one write transaction (CANCELLED restores stock
 * and the promo code's use).
 */
public final class ChangeOrderStatusService implements ChangeOrderStatusUseCase {
    private final Transactions transactions;
    private final OrderRepository orders;
    private final OrderTransitions transitions;
    private final TimeSource time;

    @Inject
    public ChangeOrderStatusService(Transactions transactions, OrderRepository orders, ProductRepository products,
                                    PromoCodeRepository promoCodes, TimeSource time) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.transitions = new OrderTransitions(orders, Objects.requireNonNull(products, "products"),
                Objects.requireNonNull(promoCodes, "promoCodes"));
        this.time = Objects.requireNonNull(time, "time");
    }

    @Override
    public Order changeOrderStatus(ChangeOrderStatusCommand command) {
        Objects.requireNonNull(command, "command");
        return transactions.inTransaction(() -> {
            Order order = orders.findById(command.orderId()).orElseThrow(() -> new OrderNotFound(command.orderId()));
            return transitions.move(order, command.status(), time.now());
        });
    }
}
