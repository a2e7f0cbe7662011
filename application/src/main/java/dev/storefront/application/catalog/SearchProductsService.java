package dev.storefront.application.catalog;

import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.common.Page;
import dev.storefront.domain.port.in.catalog.ProductSearchQuery;
import dev.storefront.domain.port.in.catalog.SearchProductsUseCase;
import dev.storefront.domain.port.out.ProductRepository;
import jakarta.inject.Inject;
import java.util.Objects;

public final class SearchProductsService implements SearchProductsUseCase {
    private final ProductRepository products;

    @Inject
    public SearchProductsService(ProductRepository products) {
        this.products = Objects.requireNonNull(products, "products");
    }

    @Override
    public Page<Product> searchProducts(ProductSearchQuery query) {
        Objects.requireNonNull(query, "query");
        // No transaction of its own: one repository call, whose page and total come from one snapshot.
        return products.search(query.filter(), query.sort(), query.page());
    }
}
