package dev.storefront.domain.port.in.shipping;

import dev.storefront.domain.shipping.TaxRate;

/** Admin: set the tax rate of a country or of one of its regions (creates or replaces). */
@FunctionalInterface
public interface PutTaxRateUseCase {
    /** @throws dev.storefront.domain.common.InvalidInputException naming each invalid field */
    TaxRate putTaxRate(PutTaxRateCommand command);
}
