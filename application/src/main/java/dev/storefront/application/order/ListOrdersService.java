package dev.storefront.application.order;

import dev.storefront.domain.common.Page;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.port.in.order.ListOrdersUseCase;
import dev.storefront.domain.port.in.order.OrdersQuery;
import dev.storefront.domain.port.out.OrderRepository;
import dev.storefront.domain.port.out.Transactions;
import jakarta.inject.Inject;
import java.util.Objects;

/** A page of the user's orders, newest first, on one snapshot. */
public final class ListOrdersService implements ListOrdersUseCase {
    private final Transactions transactions;
    private final OrderRepository orders;

    @Inject
    public ListOrdersService(Transactions transactions, OrderRepository orders) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.orders = Objects.requireNonNull(orders, "orders");
    }

    @Override
    public Page<Order> listOrders(OrdersQuery query) {
        Objects.requireNonNull(query, "query");
        return transactions.readOnly(() -> orders.findByUser(query.userId(), query.page()));
    }
}
