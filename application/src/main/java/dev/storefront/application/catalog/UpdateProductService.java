package dev.storefront.application.catalog;

import dev.storefront.domain.catalog.DuplicateSku;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductNotFound;
import dev.storefront.domain.port.in.catalog.UpdateProductCommand;
import dev.storefront.domain.port.in.catalog.UpdateProductUseCase;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.Transactions;
import jakarta.inject.Inject;
import java.util.Objects;

public final class UpdateProductService implements UpdateProductUseCase {
    private final ProductRepository products;
    private final Transactions transactions;

    @Inject
    public UpdateProductService(ProductRepository products, Transactions transactions) {
        this.products = Objects.requireNonNull(products, "products");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public Product updateProduct(UpdateProductCommand command) {
        Objects.requireNonNull(command, "command");
        return transactions.inTransaction(() -> {
            Product current = products.findByIdForUpdate(command.id()).orElseThrow(() -> new ProductNotFound(command.id()));
            Product changed = current.change(command.sku(), command.name(), command.description(),
                    command.category(), command.price(), command.stock(), command.active(), command.images());
            if (!changed.sku().sameAs(current.sku())) {
                products.findBySku(changed.sku())
                        .filter(other -> !other.id().equals(current.id()))
                        .ifPresent(other -> {
                            throw new DuplicateSku(changed.sku());
                        });
            }
            if (!changed.equals(current)) {
                products.update(changed);
            }
            return changed;
        });
    }
}
