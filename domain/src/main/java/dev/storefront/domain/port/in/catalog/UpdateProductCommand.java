package dev.storefront.domain.port.in.catalog;

import dev.storefront.domain.catalog.ProductId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A partial change of a product: every {@code null} field stays as it is. {@code active} may bring
 * a deactivated product back; {@code images} replaces the whole list.
 */
public record UpdateProductCommand(ProductId id, String sku, String name, String description, String category,
                                   BigDecimal price, Integer stock, Boolean active, List<String> images) {
    public UpdateProductCommand {
        Objects.requireNonNull(id, "id");
    }
}
