package dev.storefront.application.catalog;

import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.catalog.ProductNotFound;
import dev.storefront.domain.port.in.catalog.GetProductUseCase;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.Transactions;
import jakarta.inject.Inject;
import java.util.Objects;

public final class GetProductService implements GetProductUseCase {
    private final ProductRepository products;
    private final Transactions transactions;

    @Inject
    public GetProductService(ProductRepository products, Transactions transactions) {
        this.products = Objects.requireNonNull(products, "products");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public Product getProduct(ProductId id) {
        Objects.requireNonNull(id, "id");
        return transactions.readOnly(() -> products.findById(id))
                .filter(Product::active)
                .orElseThrow(() -> new ProductNotFound(id));
    }
}
