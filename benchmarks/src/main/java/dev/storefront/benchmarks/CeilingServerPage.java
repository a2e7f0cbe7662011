package dev.storefront.benchmarks;

import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.catalog.Sku;
import dev.storefront.domain.common.Page;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.money.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/** The page the ceiling server answers and the JSON benchmark writes: the first 20 products of {@link Dataset}. */
public final class CeilingServerPage {
    private CeilingServerPage() {}

    public static Page<Product> products() {
        Currency usd = Currency.getInstance("USD");
        List<Product> items = Dataset.rows(20).stream().map(row -> Product.restore(new ProductId(row.number()),
                new Sku(row.sku()), row.name(), row.description(), row.category(),
                Money.of(row.price().toPlainString(), usd), row.stock(), true,
                Instant.parse("2026-11-22T10:15:30Z"))).toList();
        return Page.of(items, new PageRequest(1, 20), 10_000);
    }
}
