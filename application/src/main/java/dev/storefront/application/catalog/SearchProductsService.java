package dev.storefront.application.catalog;

import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.common.Page;
import dev.storefront.domain.port.in.catalog.ProductSearchQuery;
import dev.storefront.domain.port.in.catalog.SearchProductsUseCase;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.Transactions;
import jakarta.inject.Inject;
import java.util.Objects;

public final class SearchProductsService implements SearchProductsUseCase {
    private final ProductRepository products;
    private final Transactions transactions;

    @Inject
    public SearchProductsService(ProductRepository products, Transactions transactions) {
        this.products = Objects.requireNonNull(products, "products");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public Page<Product> searchProducts(ProductSearchQuery query) {
        Objects.requireNonNull(query, "query");
        // One snapshot, so the page and its total agree.
        return transactions.readOnly(() -> products.search(query.filter(), query.sort(), query.page()));
    }
}
