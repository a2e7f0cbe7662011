package dev.storefront.persistence.jdbi;

import dev.storefront.domain.address.Country;
import dev.storefront.domain.address.PostalAddress;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.checkout.PriceBreakdown;
import dev.storefront.domain.common.Page;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.order.NewOrder;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.order.OrderLine;
import dev.storefront.domain.order.OrderStatus;
import dev.storefront.domain.order.ShippingMethodSnapshot;
import dev.storefront.domain.port.out.OrderRepository;
import dev.storefront.domain.promo.PromoCodeId;
import dev.storefront.domain.shipping.ShippingMethodCode;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Orders in {@code orders} and their lines in {@code order_item}, money in minor units of the
 * store's currency: the breakdown's four parts (the total is derived from them), the address and
 * method as snapshots in their own columns, the promo code's text. A page of orders costs two queries plus one for all of its lines.
 */
public final class JdbiOrderRepository implements OrderRepository {
    private final Database database;
    private final Currency currency;

    /** @param currency the store's currency, which every stored amount of minor units is in */
    public JdbiOrderRepository(Database database, Currency currency) {
        this.database = Objects.requireNonNull(database, "database");
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    /** An {@code orders} row without its lines; money in minor units, the address NULL when {@code ship_country} is. */
    private record OrderRow(long id, long userId, String status, long createdAt, long updatedAt, long subtotal,
                            long discount, long shipping, long tax, PostalAddress address, String methodCode,
                            String methodName, String promoCode, String trackingNumber, String carrier) {
        static final String COLUMNS = "id, user_id, status, created_at, updated_at, subtotal_minor, discount_minor,"
                + " shipping_minor, tax_minor, ship_name, ship_line1, ship_line2, ship_city, ship_region,"
                + " ship_postal_code, ship_country, ship_phone, shipping_method_code, shipping_method_name, promo_code,"
                + " tracking_number, carrier";

        Order toOrder(List<OrderLine> lines, Currency currency) {
            PriceBreakdown price = new PriceBreakdown(Money.ofMinorUnits(subtotal, currency),
                    Money.ofMinorUnits(discount, currency), Money.ofMinorUnits(shipping, currency),
                    Money.ofMinorUnits(tax, currency));
            ShippingMethodSnapshot method = methodCode == null ? null
                    : new ShippingMethodSnapshot(new ShippingMethodCode(methodCode), methodName);
            return new Order(new OrderId(id), new UserId(userId), OrderStatus.valueOf(status), lines, currency,
                    Instant.ofEpochMilli(createdAt), Instant.ofEpochMilli(updatedAt), price, address, method,
                    promoCode == null ? null : new PromoCodeId(promoCode), trackingNumber, carrier);
        }
    }

    @Override
    public Order add(NewOrder order) {
        Objects.requireNonNull(order, "order");
        if (!order.currency().equals(currency)) {
            throw new IllegalArgumentException("an order in " + order.currency() + " in a store in " + currency);
        }
        return database.transactions().inTransaction(() -> database.withHandle(h -> {
            // RETURNING, not generated keys: a query the statement cache keeps, and no second statement.
            PostalAddress ship = order.shippingAddress();
            long id = h.createQuery("INSERT INTO orders (user_id, status, created_at, updated_at, subtotal_minor,"
                            + " discount_minor, shipping_minor, tax_minor, ship_name, ship_line1, ship_line2, ship_city,"
                            + " ship_region, ship_postal_code, ship_country, ship_phone, shipping_method_code,"
                            + " shipping_method_name, promo_code)"
                            + " VALUES (:userId, :status, :placedAt, :placedAt, :subtotal, :discount, :shipping, :tax,"
                            + " :shipName, :shipLine1, :shipLine2, :shipCity, :shipRegion, :shipPostalCode,"
                            + " :shipCountry, :shipPhone, :methodCode, :methodName, :promoCode) RETURNING id")
                    .bind("userId", order.userId().value())
                    .bind("status", OrderStatus.PENDING.name())
                    .bind("placedAt", order.placedAt().toEpochMilli())
                    .bind("subtotal", order.price().subtotal().toMinorUnits())
                    .bind("discount", order.price().discount().toMinorUnits())
                    .bind("shipping", order.price().shipping().toMinorUnits())
                    .bind("tax", order.price().tax().toMinorUnits())
                    .bind("shipName", ship == null ? null : ship.name())
                    .bind("shipLine1", ship == null ? null : ship.line1())
                    .bind("shipLine2", ship == null ? null : ship.line2())
                    .bind("shipCity", ship == null ? null : ship.city())
                    .bind("shipRegion", ship == null ? null : ship.region())
                    .bind("shipPostalCode", ship == null ? null : ship.postalCode())
                    .bind("shipCountry", ship == null ? null : ship.country().code())
                    .bind("shipPhone", ship == null ? null : ship.phone())
                    .bind("methodCode", order.shippingMethod() == null ? null : order.shippingMethod().code().value())
                    .bind("methodName", order.shippingMethod() == null ? null : order.shippingMethod().name())
                    .bind("promoCode", order.promoCode() == null ? null : order.promoCode().value())
                    .mapTo(Long.class)
                    .one();
            Order placed = order.withId(new OrderId(id));
            PreparedBatch items = h.prepareBatch("INSERT INTO order_item (order_id, position, product_id, sku, name,"
                    + " unit_price_minor, quantity) VALUES (:orderId, :position, :productId, :sku, :name, :price, :quantity)");
            int position = 0;
            for (OrderLine line : placed.lines()) {
                items.bind("orderId", id)
                        .bind("position", position++)
                        .bind("productId", line.productId().value())
                        .bind("sku", line.sku())
                        .bind("name", line.name())
                        .bind("price", line.unitPrice().toMinorUnits())
                        .bind("quantity", line.quantity())
                        .add();
            }
            if (position > 0) {
                items.execute();
            }
            return placed;
        }));
    }

    @Override
    public Optional<Order> findById(OrderId id) {
        Objects.requireNonNull(id, "id");
        return database.withHandle(h -> h.createQuery("SELECT " + OrderRow.COLUMNS + " FROM orders WHERE id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> readRow(rs))
                .findOne()
                .map(row -> row.toOrder(linesOf(h, List.of(row.id())).getOrDefault(row.id(), List.of()), currency)));
    }

    @Override
    public Page<Order> findByUser(UserId userId, PageRequest page) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(page, "page");
        return database.withHandle(h -> {
            long total = h.createQuery("SELECT COUNT(*) FROM orders WHERE user_id = :userId")
                    .bind("userId", userId.value())
                    .mapTo(Long.class)
                    .one();
            if (total <= page.offset()) {
                return Page.of(List.<Order>of(), page, total);
            }
            List<OrderRow> rows = h.createQuery("SELECT " + OrderRow.COLUMNS + " FROM orders WHERE user_id = :userId"
                            + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                    .bind("userId", userId.value())
                    .bind("limit", page.pageSize())
                    .bind("offset", page.offset())
                    .map((rs, ctx) -> readRow(rs))
                    .list();
            Map<Long, List<OrderLine>> lines = linesOf(h, rows.stream().map(OrderRow::id).toList());
            return Page.of(rows.stream().map(row -> row.toOrder(lines.getOrDefault(row.id(), List.of()), currency))
                    .toList(), page, total);
        });
    }

    @Override
    public boolean changeStatus(OrderId id, OrderStatus expected, OrderStatus next, Instant updatedAt) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(updatedAt, "updatedAt");
        return database.withHandle(h -> h.createUpdate("UPDATE orders SET status = :next,"
                        + " updated_at = " + database.dialect().greatest("created_at", ":updatedAt")
                        + " WHERE id = :id AND status = :expected")
                .bind("id", id.value())
                .bind("expected", expected.name())
                .bind("next", next.name())
                .bind("updatedAt", updatedAt.toEpochMilli())
                .execute()) == 1;
    }

    private static OrderRow readRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        String country = rs.getString("ship_country");
        PostalAddress address = country == null ? null : new PostalAddress(rs.getString("ship_name"),
                rs.getString("ship_line1"), rs.getString("ship_line2"), rs.getString("ship_city"),
                rs.getString("ship_region"), rs.getString("ship_postal_code"), new Country(country),
                rs.getString("ship_phone"));
        return new OrderRow(rs.getLong("id"), rs.getLong("user_id"), rs.getString("status"),
                rs.getLong("created_at"), rs.getLong("updated_at"), rs.getLong("subtotal_minor"),
                rs.getLong("discount_minor"), rs.getLong("shipping_minor"), rs.getLong("tax_minor"), address,
                rs.getString("shipping_method_code"), rs.getString("shipping_method_name"), rs.getString("promo_code"),
                rs.getString("tracking_number"), rs.getString("carrier"));
    }

    /** The lines of these orders, each order's in its stored order. */
    private Map<Long, List<OrderLine>> linesOf(Handle h, List<Long> orderIds) {
        Map<Long, List<OrderLine>> lines = new HashMap<>();
        if (orderIds.isEmpty()) {
            return lines;
        }
        h.createQuery("SELECT order_id, product_id, sku, name, unit_price_minor, quantity FROM order_item"
                        + " WHERE order_id IN (<ids>) ORDER BY order_id, position")
                .bindList("ids", orderIds)
                .map((rs, ctx) -> Map.entry(rs.getLong("order_id"), new OrderLine(
                        new ProductId(rs.getLong("product_id")), rs.getString("sku"), rs.getString("name"),
                        Money.ofMinorUnits(rs.getLong("unit_price_minor"), currency), rs.getInt("quantity"))))
                .forEach(entry -> lines.computeIfAbsent(entry.getKey(), k -> new ArrayList<>()).add(entry.getValue()));
        return lines;
    }
}
