package dev.storefront.bootstrap.reliability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shop's bookkeeping, checked straight in the database: no unit of stock is created or lost,
 * no order is partial, no key points at someone else's order, the file is intact.
 */
final class Invariants {
    private Invariants() {}

    /** Product id to stock now. */
    static Map<Long, Long> stock(Database db) {
        Map<Long, Long> stock = new HashMap<>();
        try (Connection connection = db.open(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT id, stock FROM product")) {
            while (rs.next()) {
                stock.put(rs.getLong(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return stock;
    }

    /**
     * Every violation found (empty when all hold); {@code checked} counts the individual checks.
     *
     * @param initialStock product id to the stock it started with
     */
    static List<String> violations(Database db, Map<Long, Long> initialStock, long[] checked) {
        List<String> violations = new ArrayList<>();
        try (Connection connection = db.open(); Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
                rs.next();
                checked[0]++;
                if (!"ok".equals(rs.getString(1))) {
                    violations.add("integrity_check: " + rs.getString(1));
                }
            }
            try (ResultSet rs = statement.executeQuery("""
                    SELECT p.id, p.stock, COALESCE((SELECT SUM(i.quantity) FROM order_item i JOIN orders o ON o.id = i.order_id
                                                    WHERE i.product_id = p.id AND o.status <> 'CANCELLED'), 0)
                    FROM product p""")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    long stock = rs.getLong(2);
                    long sold = rs.getLong(3);
                    checked[0]++;
                    Long initial = initialStock.get(id);
                    if (initial == null || stock + sold != initial || stock < 0) {
                        violations.add("product " + id + ": stock " + stock + " + sold " + sold + " != initial " + initial);
                    }
                }
            }
            Map<String, String> zero = Map.of(
                    "orders without items", "SELECT COUNT(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_item i WHERE i.order_id = o.id)",
                    "items without an order", "SELECT COUNT(*) FROM order_item i WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = i.order_id)",
                    "items with a bad quantity or price", "SELECT COUNT(*) FROM order_item WHERE quantity < 1 OR unit_price_minor < 0",
                    "keys naming another user's order", "SELECT COUNT(*) FROM idempotency_key k JOIN orders o ON o.id = k.order_id WHERE o.user_id <> k.user_id",
                    "keys naming no order", "SELECT COUNT(*) FROM idempotency_key k WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = k.order_id)",
                    "cart lines out of range", "SELECT COUNT(*) FROM cart_line WHERE quantity < 1 OR quantity > 99",
                    "negative stock", "SELECT COUNT(*) FROM product WHERE stock < 0");
            for (Map.Entry<String, String> check : zero.entrySet()) {
                try (ResultSet rs = statement.executeQuery(check.getValue())) {
                    rs.next();
                    checked[0]++;
                    if (rs.getLong(1) != 0) {
                        violations.add(check.getKey() + ": " + rs.getLong(1));
                    }
                }
            }
        } catch (SQLException e) {
            violations.add("cannot read the database: " + e);
        }
        return violations;
    }

    /** Order id to its items as "productId x quantity" sorted, and the key it was placed with (or null). */
    static Map<Long, String> orderContents(Database db) {
        Map<Long, String> contents = new HashMap<>();
        try (Connection connection = db.open(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT o.id, (SELECT group_concat(x, ',') FROM (SELECT i.product_id || 'x' || i.quantity AS x
                                   FROM order_item i WHERE i.order_id = o.id ORDER BY i.product_id))
                     FROM orders o""")) {
            while (rs.next()) {
                contents.put(rs.getLong(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return contents;
    }

    /** Idempotency key to order id. */
    static Map<String, Long> keys(Database db) {
        Map<String, Long> keys = new HashMap<>();
        try (Connection connection = db.open(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT key_text, order_id FROM idempotency_key")) {
            while (rs.next()) {
                keys.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return keys;
    }
}
