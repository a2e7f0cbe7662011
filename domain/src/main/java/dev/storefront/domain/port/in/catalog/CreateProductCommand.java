package dev.storefront.domain.port.in.catalog;

import java.math.BigDecimal;
import java.util.List;

/**
 * The fields of a new product as an admin entered them; checked by the use case against
 * {@link dev.storefront.domain.catalog.ProductRules}. A {@code null} field is missing (a missing
 * description is empty, missing images none). The price is in the store's currency.
 */
public record CreateProductCommand(String sku, String name, String description, String category,
                                   BigDecimal price, Integer stock, List<String> images) {}
