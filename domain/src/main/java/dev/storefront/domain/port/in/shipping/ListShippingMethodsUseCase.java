package dev.storefront.domain.port.in.shipping;

import dev.storefront.domain.shipping.ShippingMethod;
import java.util.List;

/** Anyone: the active shipping methods that ship to a country (all active ones without a country), by code. */
@FunctionalInterface
public interface ListShippingMethodsUseCase {
    /** @throws dev.storefront.domain.common.InvalidInputException on {@code country} when it is not an ISO code */
    List<ShippingMethod> listShippingMethods(ShippingMethodsQuery query);
}
