package dev.storefront.http.catalog;

import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.money.Money;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A product as the API shows it: the price as a string with exactly two decimals plus the
 * currency, the creation time as an ISO-8601 UTC string ({@code 2026-11-22T10:15:30Z}).
 */
public record ProductResponse(long id, String sku, String name, String description, String category, String price,
                              String currency, int stock, boolean active, String createdAt) {

    /** About 150 bytes an entry. */
    static final int MEMO_LIMIT = 20_000;
    /**
     * Formatted prices and creation times by value: catalog pages come from the read cache, so the
     * same products are mapped again and again, and this formatting was about a tenth of a catalog
     * page's CPU. Small keys (not the product, which would pin its description), never stale (the
     * key is the value), bounded by starting again empty when full.
     */
    private static final Map<Money, String> PRICES = new ConcurrentHashMap<>();
    private static final Map<Instant, String> TIMES = new ConcurrentHashMap<>();

    public static ProductResponse from(Product product) {
        return new ProductResponse(product.id().value(), product.sku().value(), product.name(), product.description(),
                product.category(), remembered(PRICES, product.price(), Money::toPlainString),
                product.price().currency().getCurrencyCode(), product.stock(), product.active(),
                remembered(TIMES, product.createdAt(), at -> at.truncatedTo(ChronoUnit.SECONDS).toString()));
    }

    private static <K> String remembered(Map<K, String> memo, K key, Function<K, String> format) {
        String known = memo.get(key);
        if (known != null) {
            return known;
        }
        String formatted = format.apply(key);
        if (memo.size() >= MEMO_LIMIT) {
            memo.clear();
        }
        memo.put(key, formatted);
        return formatted;
    }
}
