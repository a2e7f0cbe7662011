package dev.storefront.application.account;

import dev.storefront.domain.common.NotAuthenticatedException;
import dev.storefront.domain.port.in.account.GetDashboardUseCase;
import dev.storefront.domain.port.out.CartStatistics;
import dev.storefront.domain.port.out.OrderStatistics;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.user.User;
import jakarta.inject.Inject;
import java.util.Objects;

/** The dashboard, read on one snapshot. Order and cart figures come through their ports. */
public final class GetDashboardService implements GetDashboardUseCase {
    private final Transactions transactions;
    private final UserRepository users;
    private final OrderStatistics orders;
    private final CartStatistics carts;

    @Inject
    public GetDashboardService(Transactions transactions, UserRepository users, OrderStatistics orders,
                               CartStatistics carts) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.users = Objects.requireNonNull(users, "users");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.carts = Objects.requireNonNull(carts, "carts");
    }

    @Override
    public Dashboard dashboard(DashboardQuery query) {
        return transactions.readOnly(() -> {
            User user = users.findById(query.userId())
                    .orElseThrow(() -> new NotAuthenticatedException("Login required"));
            return new Dashboard(user, orders.statsFor(user.id()), carts.itemCount(user.id()));
        });
    }
}
