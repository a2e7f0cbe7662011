package dev.storefront.http.order;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.domain.address.AddressId;
import dev.storefront.domain.address.PostalAddress;
import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.port.in.order.CheckoutDetails;
import dev.storefront.domain.promo.PromoCodeId;
import dev.storefront.domain.promo.PromoCodeRejected;
import dev.storefront.domain.shipping.ShippingMethodCode;
import dev.storefront.http.address.PostalAddressFields;
import dev.storefront.http.common.ApiRequest;
import dev.storefront.http.common.HttpProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code CheckoutRequest} of api.md, the body of {@code POST /api/checkout} and
 * {@code POST /api/checkout/quote}: {@code {"addressId"?, "shippingAddress"?, "shippingMethod"?,
 * "promoCode"?}}, every part optional (no body at all is no part). A JSON {@code null} — and for the
 * two codes an empty string — is "not given". Every field's problem is reported at once; whether
 * the store needs an address and a method is the use case's rule, not the body's.
 */
public final class CheckoutRequest {
    private static final String[] ADDRESS_FIELDS = {"name", "line1", "line2", "city", "region", "postalCode",
            "country", "phone"};

    private CheckoutRequest() {
    }

    /** The details of a request, {@link CheckoutDetails#NONE} without a body. */
    public static CheckoutDetails details(ApiRequest request) {
        return request.hasBody() ? details(request.body(ObjectNode.class)) : CheckoutDetails.NONE;
    }

    /** @throws HttpProblemException 400 naming every invalid field */
    static CheckoutDetails details(ObjectNode body) {
        List<FieldViolation> violations = new ArrayList<>();
        Optional<AddressId> addressId = Optional.empty();
        JsonNode id = given(body, "addressId");
        if (id != null) {
            if (id.isIntegralNumber() && id.canConvertToLong() && id.longValue() >= 1) {
                addressId = Optional.of(new AddressId(id.longValue()));
            } else {
                violations.add(new FieldViolation("addressId", "must be a positive whole number"));
            }
        }
        Optional<PostalAddress> address = Optional.empty();
        JsonNode fields = given(body, "shippingAddress");
        if (fields != null) {
            address = address(fields, violations);
        }
        if (id != null && fields != null) {
            violations.add(new FieldViolation("addressId", "give either addressId or shippingAddress, not both"));
        }
        Optional<ShippingMethodCode> method = Optional.empty();
        String methodText = text(body, "shippingMethod", violations);
        if (methodText != null) {
            if (ShippingMethodCode.isValid(methodText.strip())) {
                method = Optional.of(new ShippingMethodCode(methodText.strip()));
            } else {
                violations.add(new FieldViolation("shippingMethod", "is not a known shipping method"));
            }
        }
        Optional<PromoCodeId> promoCode = Optional.empty();
        String promoText = text(body, "promoCode", violations);
        if (promoText != null) {
            promoCode = PromoCodeId.parse(promoText);
            if (promoCode.isEmpty()) {
                violations.add(new FieldViolation(PromoCodeRejected.FIELD, PromoCodeRejected.Reason.UNKNOWN.message()));
            }
        }
        if (!violations.isEmpty()) {
            throw HttpProblemException.invalid(violations);
        }
        return new CheckoutDetails(addressId, address, method, promoCode);
    }

    /** The field's node, or {@code null} when it is absent or JSON {@code null}. */
    private static JsonNode given(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node;
    }

    /** A string field, {@code null} when not given or blank; a non-string is a violation. */
    private static String text(ObjectNode body, String field, List<FieldViolation> violations) {
        JsonNode node = given(body, field);
        if (node == null) {
            return null;
        }
        if (!node.isTextual()) {
            violations.add(new FieldViolation(field, "must be a string"));
            return null;
        }
        return node.textValue().isBlank() ? null : node.textValue();
    }

    private static Optional<PostalAddress> address(JsonNode fields, List<FieldViolation> violations) {
        if (!fields.isObject()) {
            violations.add(new FieldViolation("shippingAddress", "must be an object with the fields of an address"));
            return Optional.empty();
        }
        String[] values = new String[ADDRESS_FIELDS.length];
        boolean typed = true;
        for (int i = 0; i < ADDRESS_FIELDS.length; i++) {
            JsonNode node = fields.get(ADDRESS_FIELDS[i]);
            if (node == null || node.isNull()) {
                continue;
            }
            if (!node.isTextual()) {
                violations.add(new FieldViolation("shippingAddress." + ADDRESS_FIELDS[i], "must be a string"));
                typed = false;
            } else {
                values[i] = node.textValue();
            }
        }
        if (!typed) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PostalAddressFields(values[0], values[1], values[2], values[3], values[4],
                    values[5], values[6], values[7]).toPostalAddress("shippingAddress."));
        } catch (InvalidInputException e) {
            violations.addAll(e.violations());
            return Optional.empty();
        }
    }
}
