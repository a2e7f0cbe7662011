package dev.storefront.http.account;

import dev.storefront.domain.port.in.account.GetDashboardUseCase.Dashboard;
import dev.storefront.domain.port.out.OrderStatistics.RecentOrder;
import java.util.List;

/** {@code {"user", "stats", "recentOrders"}}. */
public record DashboardResponse(UserResponse user, StatsResponse stats, List<OrderSummaryResponse> recentOrders) {

    public record StatsResponse(long orders, String totalSpent, String currency, int cartItems, String memberSince,
                                String lastLoginAt) {}

    /** The order summary of api.md (the status and money fields of an {@code Order}, without items). */
    public record OrderSummaryResponse(long id, String status, int itemCount, String subtotal, String discount,
                                       String shipping, String tax, String total, String currency,
                                       String createdAt, String updatedAt) {
        static OrderSummaryResponse from(RecentOrder order) {
            return new OrderSummaryResponse(order.id().value(), order.status(), order.itemCount(),
                    order.price().subtotal().toPlainString(), order.price().discount().toPlainString(),
                    order.price().shipping().toPlainString(), order.price().tax().toPlainString(),
                    order.total().toPlainString(), order.total().currency().getCurrencyCode(),
                    Timestamps.format(order.createdAt()), Timestamps.format(order.updatedAt()));
        }
    }

    public static DashboardResponse from(Dashboard dashboard) {
        var orders = dashboard.orders();
        var user = dashboard.user();
        StatsResponse stats = new StatsResponse(orders.orders(), orders.totalSpent().toPlainString(),
                orders.totalSpent().currency().getCurrencyCode(), dashboard.cartItems(),
                Timestamps.format(user.createdAt()), Timestamps.format(user.lastLoginAt()));
        return new DashboardResponse(UserResponse.from(user), stats,
                orders.recentOrders().stream().limit(5).map(OrderSummaryResponse::from).toList());
    }
}
