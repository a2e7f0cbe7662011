package dev.storefront.http.catalog;

import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.common.Page;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code {"items": [Product…], "page", "pageSize", "total"}}; each product as {@link ProductResponse}. */
public record ProductPageResponse(List<ProductJson> items, int page, int pageSize, long total) {
    public static ProductPageResponse from(Page<Product> page, ProductJsonCache products) {
        List<ProductJson> items = new ArrayList<>(page.items().size());
        page.items().forEach(product -> items.add(products.of(product)));
        return new ProductPageResponse(Collections.unmodifiableList(items), page.page(), page.pageSize(), page.total());
    }
}
