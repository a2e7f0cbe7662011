package dev.storefront.http.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.domain.port.in.catalog.CreateProductCommand;
import dev.storefront.http.common.HttpProblemException;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code POST /api/products}: {@code {"sku", "name", "description"?, "category", "price", "stock",
 * "images"?}}; price as a string ({@code "19.99"}) or a JSON number, read exactly; images an array
 * of URLs (none when left out).
 */
public record CreateProductRequest(String sku, String name, String description, String category, BigDecimal price,
                                   Integer stock, List<String> images) {

    /** @throws HttpProblemException 400 naming every field of the wrong JSON type */
    public static CreateProductRequest from(ObjectNode body) {
        ProductFields fields = new ProductFields(body, true);
        CreateProductRequest request = new CreateProductRequest(fields.text("sku"), fields.text("name"),
                fields.text("description"), fields.text("category"), fields.price("price"), fields.wholeNumber("stock"),
                fields.textList("images"));
        if (!fields.violations().isEmpty()) {
            throw HttpProblemException.invalid(fields.violations());
        }
        return request;
    }

    public CreateProductCommand toCommand() {
        return new CreateProductCommand(sku, name, description, category, price, stock, images);
    }
}
