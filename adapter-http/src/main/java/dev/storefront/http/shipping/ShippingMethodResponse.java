package dev.storefront.http.shipping;

import dev.storefront.domain.address.Country;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.shipping.ShippingMethod;
import java.util.List;

/**
 * The contract's {@code ShippingMethod}: {@code {"code", "name", "price", "currency", "freeOver":
 * money|null, "countries": [codes], "active"}}; an empty {@code countries} ships everywhere.
 */
public record ShippingMethodResponse(String code, String name, String price, String currency, String freeOver,
                                     List<String> countries, boolean active) {

    public static ShippingMethodResponse from(ShippingMethod method) {
        return new ShippingMethodResponse(method.code().value(), method.name(), method.price().toPlainString(),
                method.price().currency().getCurrencyCode(),
                method.freeOverAmount().map(Money::toPlainString).orElse(null),
                method.countries().stream().map(Country::code).toList(), method.active());
    }

    /** {@code {"shippingMethod": …}} */
    public record Envelope(ShippingMethodResponse shippingMethod) {
        public static Envelope from(ShippingMethod method) {
            return new Envelope(ShippingMethodResponse.from(method));
        }
    }

    /** {@code {"items": […]}} */
    public record ListResponse(List<ShippingMethodResponse> items) {
        public static ListResponse from(List<ShippingMethod> methods) {
            return new ListResponse(methods.stream().map(ShippingMethodResponse::from).toList());
        }
    }
}
