package dev.storefront.http.catalog;

import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.common.Page;
import java.util.List;

/** {@code {"items": [Product…], "page", "pageSize", "total"}}. */
public record ProductPageResponse(List<ProductResponse> items, int page, int pageSize, long total) {
    public static ProductPageResponse from(Page<Product> page) {
        return new ProductPageResponse(page.items().stream().map(ProductResponse::from).toList(),
                page.page(), page.pageSize(), page.total());
    }
}
