package dev.storefront.persistence.jdbi;

import dev.storefront.domain.checkout.PriceBreakdown;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.port.out.OrderStatistics;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The dashboard's order figures, aggregated by the database from {@code orders} and {@code order_item}:
 * an order's total is subtotal − discount + shipping + tax in minor units, as
 * {@link dev.storefront.domain.order.Order#total()}.
 */
public final class JdbiOrderStatistics implements OrderStatistics {
    private static final String TOTAL = "o.subtotal_minor - o.discount_minor + o.shipping_minor + o.tax_minor";

    private final Database database;
    private final Currency currency;

    public JdbiOrderStatistics(Database database, Currency currency) {
        this.database = Objects.requireNonNull(database, "database");
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    private Money money(long minorUnits) {
        return Money.ofMinorUnits(minorUnits, currency);
    }

    @Override
    public OrderStats statsFor(UserId userId) {
        Objects.requireNonNull(userId, "userId");
        return database.withHandle(h -> {
            long orders = h.createQuery("SELECT COUNT(*) FROM orders WHERE user_id = :userId")
                    .bind("userId", userId.value())
                    .mapTo(Long.class)
                    .one();
            long spentMinor = h.createQuery("SELECT COALESCE(SUM(" + TOTAL + "), 0) FROM orders o"
                            + " WHERE o.user_id = :userId AND o.status <> 'CANCELLED'")
                    .bind("userId", userId.value())
                    .mapTo(Long.class)
                    .one();
            List<RecentOrder> recent = h.createQuery("SELECT o.id, o.status, o.created_at, o.updated_at,"
                            + " (SELECT SUM(quantity) FROM order_item WHERE order_id = o.id) AS item_count,"
                            + " o.subtotal_minor, o.discount_minor, o.shipping_minor, o.tax_minor"
                            + " FROM orders o WHERE o.user_id = :userId"
                            + " ORDER BY o.created_at DESC, o.id DESC LIMIT :limit")
                    .bind("userId", userId.value())
                    .bind("limit", RECENT_ORDERS)
                    .map((rs, ctx) -> new RecentOrder(new OrderId(rs.getLong("id")), rs.getString("status"),
                            rs.getInt("item_count"), new PriceBreakdown(money(rs.getLong("subtotal_minor")),
                                    money(rs.getLong("discount_minor")), money(rs.getLong("shipping_minor")),
                                    money(rs.getLong("tax_minor"))),
                            Instant.ofEpochMilli(rs.getLong("created_at")),
                            Instant.ofEpochMilli(rs.getLong("updated_at"))))
                    .list();
            return new OrderStats(orders, Money.ofMinorUnits(spentMinor, currency), recent);
        });
    }
}
