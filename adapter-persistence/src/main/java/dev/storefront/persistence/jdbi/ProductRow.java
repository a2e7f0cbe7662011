package dev.storefront.persistence.jdbi;

import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.catalog.Sku;
import dev.storefront.domain.money.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/**
 * A {@code product} row as stored: money in minor units, time in epoch milliseconds, the images as
 * one text ({@link #images(List)}).
 */
record ProductRow(long id, String sku, String name, String description, String category, long priceMinor,
                  int stock, boolean active, long createdAt, String images) {

    static final String COLUMNS = "id, sku, name, description, category, price_minor, stock, active, created_at, images";
    /** Between two images in the column; never inside one, since an image holds no white space. */
    private static final String IMAGE_SEPARATOR = "\n";

    static ProductRow read(ResultSet rs) throws SQLException {
        return new ProductRow(rs.getLong("id"), rs.getString("sku"), rs.getString("name"),
                rs.getString("description"), rs.getString("category"), rs.getLong("price_minor"),
                rs.getInt("stock"), rs.getInt("active") == 1, rs.getLong("created_at"),
                rs.getString("images"));
    }

    /** A list of images as the column holds it: the entries joined by line feeds, {@code ""} for none. */
    static String images(List<String> images) {
        return String.join(IMAGE_SEPARATOR, images);
    }

    /** The list a column value holds; {@code null} (a staged row that gave none) stays null. */
    static List<String> images(String column) {
        if (column == null) {
            return null;
        }
        return column.isEmpty() ? List.of() : List.of(column.split(IMAGE_SEPARATOR, -1));
    }

    Product toProduct(Currency currency) {
        return Product.restore(new ProductId(id), new Sku(sku), name, description, category,
                Money.ofMinorUnits(priceMinor, currency), stock, active, Instant.ofEpochMilli(createdAt), images(images));
    }
}
