package dev.storefront.domain.port.in.shipping;

import dev.storefront.domain.shipping.ShippingMethod;
import java.util.List;

/** Admin: every shipping method, the deactivated ones too, by code. */
@FunctionalInterface
public interface ListAllShippingMethodsUseCase {
    List<ShippingMethod> listAllShippingMethods();
}
