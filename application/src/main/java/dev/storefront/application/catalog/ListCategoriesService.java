package dev.storefront.application.catalog;

import dev.storefront.domain.catalog.CategorySummary;
import dev.storefront.domain.port.in.catalog.ListCategoriesUseCase;
import dev.storefront.domain.port.out.ProductRepository;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;

public final class ListCategoriesService implements ListCategoriesUseCase {
    private final ProductRepository products;

    @Inject
    public ListCategoriesService(ProductRepository products) {
        this.products = Objects.requireNonNull(products, "products");
    }

    @Override
    public List<CategorySummary> listCategories() {
        return products.categories();
    }
}
