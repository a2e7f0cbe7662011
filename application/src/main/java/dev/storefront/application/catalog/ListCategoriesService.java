package dev.storefront.application.catalog;

import dev.storefront.domain.catalog.CategorySummary;
import dev.storefront.domain.port.in.catalog.ListCategoriesUseCase;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.Transactions;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;

public final class ListCategoriesService implements ListCategoriesUseCase {
    private final ProductRepository products;
    private final Transactions transactions;

    @Inject
    public ListCategoriesService(ProductRepository products, Transactions transactions) {
        this.products = Objects.requireNonNull(products, "products");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public List<CategorySummary> listCategories() {
        return transactions.readOnly(products::categories);
    }
}
