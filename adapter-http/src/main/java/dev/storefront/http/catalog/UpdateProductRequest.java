package dev.storefront.http.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.port.in.catalog.UpdateProductCommand;
import dev.storefront.http.common.HttpProblemException;
import java.math.BigDecimal;

/**
 * {@code PATCH /api/products/{id}}: any of {@code sku, name, description, category, price, stock,
 * active}; a field left out stays as it is, an explicit {@code null} is an error.
 */
public record UpdateProductRequest(String sku, String name, String description, String category, BigDecimal price,
                                   Integer stock, Boolean active) {

    /** @throws HttpProblemException 400 naming every field of the wrong JSON type or null */
    public static UpdateProductRequest from(ObjectNode body) {
        ProductFields fields = new ProductFields(body, false);
        UpdateProductRequest request = new UpdateProductRequest(fields.text("sku"), fields.text("name"),
                fields.text("description"), fields.text("category"), fields.price("price"),
                fields.wholeNumber("stock"), fields.bool("active"));
        if (!fields.violations().isEmpty()) {
            throw HttpProblemException.invalid(fields.violations());
        }
        return request;
    }

    public UpdateProductCommand toCommand(ProductId id) {
        return new UpdateProductCommand(id, sku, name, description, category, price, stock, active);
    }
}
