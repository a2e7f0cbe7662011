package dev.storefront.domain.port.in.account;

import dev.storefront.domain.port.out.OrderStatistics.OrderStats;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.UserId;
import java.util.Objects;

/** The user, their order statistics and their cart size, in one answer. */
@FunctionalInterface
public interface GetDashboardUseCase {
    Dashboard dashboard(DashboardQuery query);

    record DashboardQuery(UserId userId) {
        public DashboardQuery {
            Objects.requireNonNull(userId, "userId");
        }
    }

    record Dashboard(User user, OrderStats orders, int cartItems) {
        public Dashboard {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(orders, "orders");
        }
    }
}
