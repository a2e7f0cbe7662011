package dev.storefront.domain.port.out;

import dev.storefront.domain.shipping.ShippingMethod;
import dev.storefront.domain.shipping.ShippingMethodCode;
import java.util.List;
import java.util.Optional;

/** The admin-managed shipping methods, by code. Methods join the caller's transaction. */
public interface ShippingMethodRepository {

    /** Creates the method or replaces the one with its code (a deactivated one too). */
    void put(ShippingMethod method);

    Optional<ShippingMethod> findByCode(ShippingMethodCode code);

    /** Every method, active or not, by code. */
    List<ShippingMethod> findAll();

    /** Whether any method is active: once one is, checkouts need an address and a method. */
    boolean anyActive();

    /** Marks the method inactive; false when no method has this code. */
    boolean deactivate(ShippingMethodCode code);
}
