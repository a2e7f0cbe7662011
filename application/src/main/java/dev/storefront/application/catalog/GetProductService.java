package dev.storefront.application.catalog;

import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.catalog.ProductNotFound;
import dev.storefront.domain.port.in.catalog.GetProductUseCase;
import dev.storefront.domain.port.out.ProductRepository;
import jakarta.inject.Inject;
import java.util.Objects;

public final class GetProductService implements GetProductUseCase {
    private final ProductRepository products;

    @Inject
    public GetProductService(ProductRepository products) {
        this.products = Objects.requireNonNull(products, "products");
    }

    @Override
    public Product getProduct(ProductId id) {
        Objects.requireNonNull(id, "id");
        return products.findById(id)
                .filter(Product::active)
                .orElseThrow(() -> new ProductNotFound(id));
    }
}
