package dev.storefront.application.catalog;

import dev.storefront.domain.catalog.DuplicateSku;
import dev.storefront.domain.catalog.NewProduct;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.port.in.catalog.CreateProductCommand;
import dev.storefront.domain.port.in.catalog.CreateProductUseCase;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.Transactions;
import jakarta.inject.Inject;
import java.util.Currency;
import java.util.Objects;

public final class CreateProductService implements CreateProductUseCase {
    private final ProductRepository products;
    private final Transactions transactions;
    private final TimeSource time;
    private final Currency currency;

    /** @param currency the store's one currency, which every price is in */
    @Inject
    public CreateProductService(ProductRepository products, Transactions transactions, TimeSource time,
                                Currency currency) {
        this.products = Objects.requireNonNull(products, "products");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.time = Objects.requireNonNull(time, "time");
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    @Override
    public Product createProduct(CreateProductCommand command) {
        Objects.requireNonNull(command, "command");
        NewProduct product = NewProduct.create(command.sku(), command.name(), command.description(),
                command.category(), command.price(), command.stock(), command.images(), currency, time.now());
        return transactions.inTransaction(() -> {
            if (products.findBySku(product.sku()).isPresent()) {
                throw new DuplicateSku(product.sku());
            }
            return products.add(product);
        });
    }
}
