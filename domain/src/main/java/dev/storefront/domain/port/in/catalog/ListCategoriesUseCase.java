package dev.storefront.domain.port.in.catalog;

import dev.storefront.domain.catalog.CategorySummary;
import java.util.List;

/** The categories that hold active products, by name, with how many each holds. */
@FunctionalInterface
public interface ListCategoriesUseCase {
    List<CategorySummary> listCategories();
}
