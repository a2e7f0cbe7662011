package dev.storefront.application.catalog;

import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.catalog.ProductNotFound;
import dev.storefront.domain.port.in.catalog.DeactivateProductUseCase;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.Transactions;
import jakarta.inject.Inject;
import java.util.Objects;

public final class DeactivateProductService implements DeactivateProductUseCase {
    private final ProductRepository products;
    private final Transactions transactions;

    @Inject
    public DeactivateProductService(ProductRepository products, Transactions transactions) {
        this.products = Objects.requireNonNull(products, "products");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public void deactivateProduct(ProductId id) {
        Objects.requireNonNull(id, "id");
        transactions.inTransaction(() -> {
            Product product = products.findByIdForUpdate(id).orElseThrow(() -> new ProductNotFound(id));
            if (product.active()) {
                products.update(product.deactivate());
            }
        });
    }
}
