package dev.storefront.http.catalog;

import dev.storefront.domain.catalog.Product;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A product as the API shows it: the price as a string with exactly two decimals plus the
 * currency, the creation time as an ISO-8601 UTC string ({@code 2026-11-22T10:15:30Z}).
 */
public record ProductResponse(long id, String sku, String name, String description, String category, String price,
                              String currency, int stock, boolean active, String createdAt) {

    /** About 200 bytes an entry beside the product, whose strings it shares. */
    static final int MEMO_LIMIT = 20_000;
    /**
     * Responses by the product's value: catalog pages come from the read cache, so the same
     * products are mapped again and again, and formatting the time and the price was about a tenth
     * of a catalog page's CPU. Keyed by value, so an entry can never be stale; bounded by starting
     * again empty when full.
     */
    private static final Map<Product, ProductResponse> MEMO = new ConcurrentHashMap<>();

    public static ProductResponse from(Product product) {
        ProductResponse memo = MEMO.get(product);
        if (memo != null) {
            return memo;
        }
        ProductResponse response = map(product);
        if (MEMO.size() >= MEMO_LIMIT) {
            MEMO.clear();
        }
        MEMO.put(product, response);
        return response;
    }

    private static ProductResponse map(Product product) {
        return new ProductResponse(product.id().value(), product.sku().value(), product.name(), product.description(),
                product.category(), product.price().toPlainString(), product.price().currency().getCurrencyCode(),
                product.stock(), product.active(), product.createdAt().truncatedTo(ChronoUnit.SECONDS).toString());
    }
}
