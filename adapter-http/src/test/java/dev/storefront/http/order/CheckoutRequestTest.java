package dev.storefront.http.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.domain.address.AddressId;
import dev.storefront.domain.port.in.order.CheckoutDetails;
import dev.storefront.domain.promo.PromoCodeId;
import dev.storefront.domain.shipping.ShippingMethodCode;
import dev.storefront.http.common.HttpProblemException;
import dev.storefront.http.common.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckoutRequestTest {
    private static final JsonCodec JSON = new JsonCodec();

    private static CheckoutDetails parse(String json) {
        return CheckoutRequest.details(JSON.read(json.getBytes(StandardCharsets.UTF_8), ObjectNode.class));
    }

    private static List<String> refused(String json) {
        HttpProblemException e = assertThrows(HttpProblemException.class, () -> parse(json));
        return e.problem().errors().stream().map(error -> (String) error.get("field")).toList();
    }

    @Test
    void anEmptyObjectOrNullsAndEmptyCodesAreNoDetails() {
        assertEquals(CheckoutDetails.NONE, parse("{}"));
        assertEquals(CheckoutDetails.NONE, parse("{\"addressId\":null,\"shippingAddress\":null,\"shippingMethod\":\"\","
                + "\"promoCode\":\" \",\"unknown\":[1,2]}"));
    }

    @Test
    void everyPartIsReadAndTheCodesAreNormalised() {
        CheckoutDetails details = parse("{\"addressId\":7,\"shippingMethod\":\" express \",\"promoCode\":\"welcome-10\"}");
        assertEquals(Optional.of(new AddressId(7)), details.addressId());
        assertEquals(Optional.of(new ShippingMethodCode("express")), details.shippingMethod());
        assertEquals(Optional.of(new PromoCodeId("WELCOME-10")), details.promoCode());
        CheckoutDetails typed = parse("{\"shippingAddress\":{\"name\":\" Ada \",\"line1\":\"1 Main St\",\"city\":\"Berlin\","
                + "\"postalCode\":\"10115\",\"country\":\"de\"}}");
        assertEquals("Ada", typed.shippingAddress().orElseThrow().name());
        assertEquals("DE", typed.shippingAddress().orElseThrow().country().code());
        assertEquals("", typed.shippingAddress().orElseThrow().phone());
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        assertEquals(List.of("addressId", "shippingMethod", "promoCode"),
                refused("{\"addressId\":\"7\",\"shippingMethod\":5,\"promoCode\":true}"));
        assertEquals(List.of("addressId"), refused("{\"addressId\":0}"));
        assertEquals(List.of("addressId"), refused("{\"addressId\":1.5}"));
        assertEquals(List.of("shippingMethod", "promoCode"), refused("{\"shippingMethod\":\"Express!\",\"promoCode\":\"x\"}"));
        assertEquals(List.of("shippingAddress"), refused("{\"shippingAddress\":\"Berlin\"}"));
        assertEquals(List.of("shippingAddress.name", "shippingAddress.line1", "shippingAddress.city",
                "shippingAddress.postalCode", "shippingAddress.country"), refused("{\"shippingAddress\":{}}"));
        assertEquals(List.of("shippingAddress.postalCode", "shippingAddress.country", "shippingAddress.phone"),
                refused("{\"shippingAddress\":{\"name\":\"A\",\"line1\":\"1\",\"city\":\"C\",\"postalCode\":\"1/2\","
                        + "\"country\":\"XX\",\"phone\":\"call me\"}}"));
        assertEquals(List.of("shippingAddress.name"), refused("{\"shippingAddress\":{\"name\":5,\"line1\":\"1\","
                + "\"city\":\"C\",\"postalCode\":\"1\",\"country\":\"DE\"}}"));
    }

    @Test
    void anAddressIdAndAnAddressTogetherAreRefusedOnAddressId() {
        assertEquals(List.of("addressId"), refused("{\"addressId\":1,\"shippingAddress\":{\"name\":\"A\",\"line1\":\"1\","
                + "\"city\":\"C\",\"postalCode\":\"1\",\"country\":\"DE\"}}"));
    }
}
