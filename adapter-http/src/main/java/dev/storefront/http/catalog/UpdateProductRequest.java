package dev.storefront.http.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.port.in.catalog.UpdateProductCommand;
import dev.storefront.http.common.HttpProblemException;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code PATCH /api/products/{id}}: any of {@code sku, name, description, category, price, stock,
 * active, images}; a field left out stays as it is, an explicit {@code null} is an error; images
 * replace the whole list ({@code []} removes them all).
 */
public record UpdateProductRequest(String sku, String name, String description, String category, BigDecimal price,
                                   Integer stock, Boolean active, List<String> images) {

    /** @throws HttpProblemException 400 naming every field of the wrong JSON type or null */
    public static UpdateProductRequest from(ObjectNode body) {
        ProductFields fields = new ProductFields(body, false);
        UpdateProductRequest request = new UpdateProductRequest(fields.text("sku"), fields.text("name"),
                fields.text("description"), fields.text("category"), fields.price("price"),
                fields.wholeNumber("stock"), fields.bool("active"), fields.textList("images"));
        if (!fields.violations().isEmpty()) {
            throw HttpProblemException.invalid(fields.violations());
        }
        return request;
    }

    public UpdateProductCommand toCommand(ProductId id) {
        return new UpdateProductCommand(id, sku, name, description, category, price, stock, active, images);
    }
}
