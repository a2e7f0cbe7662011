package dev.storefront.domain.port.in.catalog;

import dev.storefront.domain.catalog.ProductFilter;
import dev.storefront.domain.catalog.ProductSort;
import dev.storefront.domain.common.PageRequest;
import java.util.Objects;

/** A search of the active products: what to include, in which order, and which page. */
public record ProductSearchQuery(ProductFilter filter, ProductSort sort, PageRequest page) {
    public ProductSearchQuery {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(page, "page");
    }

    /** The first page of every active product by name. */
    public static ProductSearchQuery all() {
        return new ProductSearchQuery(ProductFilter.none(), ProductSort.DEFAULT, PageRequest.first());
    }
}
