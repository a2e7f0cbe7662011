package dev.storefront.domain.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * The orders a product list can come in. Ties are broken by id (in the same direction), so paging
 * through a sorted list is stable. Names compare case-insensitively (ASCII letters folded).
 */
public enum ProductSort {
    NAME("name"),
    NAME_DESCENDING("-name"),
    PRICE("price"),
    PRICE_DESCENDING("-price"),
    /** Newest first. */
    NEWEST("newest");

    public static final ProductSort DEFAULT = NAME;

    private final String apiName;

    ProductSort(String apiName) {
        this.apiName = apiName;
    }

    /** The name clients use ({@code name}, {@code -name}, {@code price}, {@code -price}, {@code newest}). */
    public String apiName() {
        return apiName;
    }

    public static Optional<ProductSort> fromApiName(String name) {
        return Arrays.stream(values()).filter(s -> s.apiName.equals(name)).findFirst();
    }
}
