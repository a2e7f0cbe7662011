package dev.storefront.http.catalog;

import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.common.Page;
import java.util.List;

/** {@code {"items": [Product…], "page", "pageSize", "total"}}; each product as {@link ProductResponse}. */
public record ProductPageResponse(List<ProductJson> items, int page, int pageSize, long total) {
    public static ProductPageResponse from(Page<Product> page, ProductJsonCache products) {
        return new ProductPageResponse(page.items().stream().map(products::of).toList(), page.page(), page.pageSize(),
                page.total());
    }
}
