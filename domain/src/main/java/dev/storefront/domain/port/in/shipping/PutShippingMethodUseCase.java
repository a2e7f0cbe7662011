package dev.storefront.domain.port.in.shipping;

import dev.storefront.domain.shipping.ShippingMethod;

/** Admin: create a shipping method, or replace the one with its code (a deactivated one too). */
@FunctionalInterface
public interface PutShippingMethodUseCase {
    /** @throws dev.storefront.domain.common.InvalidInputException naming each invalid field */
    ShippingMethod putShippingMethod(PutShippingMethodCommand command);
}
