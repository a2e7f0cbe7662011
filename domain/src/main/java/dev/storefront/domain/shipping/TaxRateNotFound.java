package dev.storefront.domain.shipping;

import dev.storefront.domain.common.NotFoundException;

/** No tax rate for this country and region. */
public final class TaxRateNotFound extends NotFoundException {
    private static final long serialVersionUID = 1L;

    public TaxRateNotFound() {
        super("Tax rate not found");
    }
}
