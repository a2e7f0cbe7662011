package dev.storefront.http.shipping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.port.in.shipping.PutShippingMethodCommand;
import dev.storefront.domain.shipping.ShippingRules;
import dev.storefront.http.catalog.ProductFields;
import dev.storefront.http.common.HttpProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code PUT /api/admin/shipping-methods/{code}}: {@code {"name", "price", "freeOver"?, "countries"?,
 * "active"?}}; money as a string or a JSON number, read exactly. A {@code code} in the body must be the path's.
 */
public record PutShippingMethodRequest(String name, BigDecimal price, BigDecimal freeOver, List<String> countries,
                                       Boolean active) {

    /** @throws HttpProblemException 400 naming every field of the wrong JSON type */
    public static PutShippingMethodRequest from(ObjectNode body, String pathCode) {
        ProductFields fields = new ProductFields(body, true);
        List<FieldViolation> violations = new ArrayList<>();
        String code = fields.text("code");
        if (code != null && !code.equals(pathCode)) {
            violations.add(new FieldViolation("code", "must be the code in the path, or left out"));
        }
        PutShippingMethodRequest request = new PutShippingMethodRequest(fields.text("name"), fields.price("price"),
                fields.price("freeOver"), countries(body.get("countries"), violations), fields.bool("active"));
        violations.addAll(0, fields.violations());
        if (!violations.isEmpty()) {
            throw HttpProblemException.invalid(violations);
        }
        return request;
    }

    /** An array of strings, or {@code null} when not given; checked for size before it is read. */
    private static List<String> countries(JsonNode node, List<FieldViolation> violations) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            violations.add(new FieldViolation("countries", "must be an array of ISO 3166-1 alpha-2 codes"));
            return null;
        }
        if (node.size() > ShippingRules.COUNTRIES_MAX) {
            violations.add(new FieldViolation("countries", "must have at most " + ShippingRules.COUNTRIES_MAX + " entries"));
            return null;
        }
        List<String> codes = new ArrayList<>();
        for (JsonNode entry : node) {
            if (!entry.isTextual()) {
                violations.add(new FieldViolation("countries", "must be an array of ISO 3166-1 alpha-2 codes (strings)"));
                return null;
            }
            codes.add(entry.textValue());
        }
        return codes;
    }

    public PutShippingMethodCommand toCommand(String code) {
        return new PutShippingMethodCommand(code, name, price, freeOver, countries, active);
    }
}
