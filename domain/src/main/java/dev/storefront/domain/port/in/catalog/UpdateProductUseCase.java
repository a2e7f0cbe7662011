package dev.storefront.domain.port.in.catalog;

import dev.storefront.domain.catalog.DuplicateSku;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductNotFound;
import dev.storefront.domain.common.InvalidInputException;

/** Admin: change some fields of a product, active or not. */
@FunctionalInterface
public interface UpdateProductUseCase {
    /**
     * @throws ProductNotFound       when there is no product with the id
     * @throws InvalidInputException naming each invalid field
     * @throws DuplicateSku          when the new sku belongs to another product
     */
    Product updateProduct(UpdateProductCommand command);
}
