package dev.storefront.domain.order;

import dev.storefront.domain.shipping.ShippingMethod;
import dev.storefront.domain.shipping.ShippingMethodCode;
import java.util.Objects;

/**
 * The shipping method an order was placed with, as it was then: its code and name. Frozen on the
 * order, so renaming or deactivating the method later changes no placed order.
 */
public record ShippingMethodSnapshot(ShippingMethodCode code, String name) {
    public ShippingMethodSnapshot {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a shipping method has a name");
        }
    }

    public static ShippingMethodSnapshot of(ShippingMethod method) {
        return new ShippingMethodSnapshot(method.code(), method.name());
    }
}
