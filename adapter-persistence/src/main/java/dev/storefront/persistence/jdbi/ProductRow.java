package dev.storefront.persistence.jdbi;

import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.catalog.Sku;
import dev.storefront.domain.money.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Currency;

/** A {@code product} row as stored: money in minor units, time in epoch milliseconds. */
record ProductRow(long id, String sku, String name, String description, String category, long priceMinor,
                  int stock, boolean active, long createdAt) {

    static final String COLUMNS = "id, sku, name, description, category, price_minor, stock, active, created_at";

    static ProductRow read(ResultSet rs) throws SQLException {
        return new ProductRow(rs.getLong("id"), rs.getString("sku"), rs.getString("name"),
                rs.getString("description"), rs.getString("category"), rs.getLong("price_minor"),
                rs.getInt("stock"), rs.getInt("active") == 1, rs.getLong("created_at"));
    }

    Product toProduct(Currency currency) {
        return Product.restore(new ProductId(id), new Sku(sku), name, description, category,
                Money.ofMinorUnits(priceMinor, currency), stock, active, Instant.ofEpochMilli(createdAt));
    }
}
