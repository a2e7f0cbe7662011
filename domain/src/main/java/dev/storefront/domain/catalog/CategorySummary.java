package dev.storefront.domain.catalog;

import java.util.Objects;

/** A category and how many active products it holds. */
public record CategorySummary(String name, long productCount) {
    public CategorySummary {
        Objects.requireNonNull(name, "name");
        if (productCount < 0) {
            throw new IllegalArgumentException("productCount must not be negative");
        }
    }
}
