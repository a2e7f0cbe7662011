package dev.storefront.domain.port.in.shipping;

import dev.storefront.domain.shipping.ShippingMethodCode;

/** Admin: stop offering a shipping method (it is kept; putting it again brings it back). */
@FunctionalInterface
public interface DeactivateShippingMethodUseCase {
    /** @throws dev.storefront.domain.shipping.ShippingMethodNotFound when no method has the code */
    void deactivateShippingMethod(ShippingMethodCode code);
}
