package dev.storefront.domain.port.in.catalog;

import dev.storefront.domain.catalog.DuplicateSku;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.common.InvalidInputException;

/** Admin: add a product to the catalog (active at once). */
@FunctionalInterface
public interface CreateProductUseCase {
    /**
     * @throws InvalidInputException naming each invalid field
     * @throws DuplicateSku          when another product has the sku (in any case)
     */
    Product createProduct(CreateProductCommand command);
}
