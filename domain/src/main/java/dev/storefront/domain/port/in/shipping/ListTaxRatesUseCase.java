package dev.storefront.domain.port.in.shipping;

import dev.storefront.domain.shipping.TaxRate;
import java.util.List;

/** Admin: every tax rate, by country then region. */
@FunctionalInterface
public interface ListTaxRatesUseCase {
    List<TaxRate> listTaxRates();
}
