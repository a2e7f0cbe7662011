package dev.storefront.http.shipping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.port.in.shipping.PutTaxRateCommand;
import dev.storefront.http.catalog.ProductFields;
import dev.storefront.http.common.HttpProblemException;
import dev.storefront.http.common.JsonDecimals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code PUT /api/admin/tax-rates}: {@code {"country", "region"?, "rate"}}; the rate a percentage as a
 * string ({@code "8.875"}) or a JSON number, read exactly.
 */
public record PutTaxRateRequest(String country, String region, BigDecimal rate) {
    private static final String RATE_EXPECTED = "must be a percentage like \"8.875\" (a string or a number)";

    /** @throws HttpProblemException 400 naming every field of the wrong JSON type */
    public static PutTaxRateRequest from(ObjectNode body) {
        ProductFields fields = new ProductFields(body, true);
        List<FieldViolation> violations = new ArrayList<>();
        BigDecimal rate = null;
        JsonNode node = body.get("rate");
        if (node != null && !node.isNull()) {
            try {
                rate = JsonDecimals.read(node);
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("rate", RATE_EXPECTED));
            }
        }
        PutTaxRateRequest request = new PutTaxRateRequest(fields.text("country"), fields.text("region"), rate);
        violations.addAll(0, fields.violations());
        if (!violations.isEmpty()) {
            throw HttpProblemException.invalid(violations);
        }
        return request;
    }

    public PutTaxRateCommand toCommand() {
        return new PutTaxRateCommand(country, region, rate);
    }
}
