package dev.storefront.application.order;

import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderNotFound;
import dev.storefront.domain.port.in.order.GetOrderUseCase;
import dev.storefront.domain.port.in.order.OrderQuery;
import dev.storefront.domain.port.out.OrderRepository;
import dev.storefront.domain.port.out.Transactions;
import jakarta.inject.Inject;
import java.util.Objects;

/** One order for its owner; another user's order is not found, like one that does not exist. */
public final class GetOrderService implements GetOrderUseCase {
    private final Transactions transactions;
    private final OrderRepository orders;

    @Inject
    public GetOrderService(Transactions transactions, OrderRepository orders) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.orders = Objects.requireNonNull(orders, "orders");
    }

    @Override
    public Order getOrder(OrderQuery query) {
        Objects.requireNonNull(query, "query");
        return transactions.readOnly(() -> orders.findById(query.orderId())
                .filter(order -> order.isOwnedBy(query.userId()))
                .orElseThrow(() -> new OrderNotFound(query.orderId())));
    }
}
