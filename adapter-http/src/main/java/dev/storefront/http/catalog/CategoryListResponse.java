package dev.storefront.http.catalog;

import dev.storefront.domain.catalog.CategorySummary;
import java.util.List;

/** {@code {"items": [{"name", "productCount"}…]}}: categories of active products, by name. */
public record CategoryListResponse(List<CategoryResponse> items) {
    public record CategoryResponse(String name, long productCount) {}

    public static CategoryListResponse from(List<CategorySummary> categories) {
        return new CategoryListResponse(categories.stream()
                .map(c -> new CategoryResponse(c.name(), c.productCount())).toList());
    }
}
