package dev.storefront.benchmarks;

import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.catalog.Sku;
import dev.storefront.domain.common.Page;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.money.Money;
import dev.storefront.http.catalog.ProductResponse;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/** The page the ceiling server answers and the JSON benchmark writes: the first 20 products of {@link Dataset}. */
public final class CeilingServerPage {
    private CeilingServerPage() {}

    /**
     * The catalog page's JSON shape as plain response records, which Jackson writes field by field
     * on every request. The server itself writes each product once ({@code ProductJsonCache}); the
     * ceiling stays what it was defined as: HTTP, a thread hop and Jackson writing the whole page.
     */
    public record Records(List<ProductResponse> items, int page, int pageSize, long total) {
        public static Records from(Page<Product> page) {
            return new Records(page.items().stream().map(ProductResponse::from).toList(), page.page(), page.pageSize(),
                    page.total());
        }
    }

    public static Page<Product> products() {
        Currency usd = Currency.getInstance("USD");
        List<Product> items = Dataset.rows(20).stream().map(row -> Product.restore(new ProductId(row.number()),
                new Sku(row.sku()), row.name(), row.description(), row.category(),
                Money.of(row.price().toPlainString(), usd), row.stock(), true,
                Instant.parse("2026-11-22T10:15:30Z"), List.of())).toList();
        return Page.of(items, new PageRequest(1, 20), 10_000);
    }
}
