package dev.storefront.domain.shipping;

import dev.storefront.domain.common.NotFoundException;

/** No shipping method with this code. */
public final class ShippingMethodNotFound extends NotFoundException {
    private static final long serialVersionUID = 1L;

    public ShippingMethodNotFound() {
        super("Shipping method not found");
    }
}
