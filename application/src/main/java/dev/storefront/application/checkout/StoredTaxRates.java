package dev.storefront.application.checkout;

import dev.storefront.domain.checkout.TaxLocation;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.port.out.TaxCalculator;
import dev.storefront.domain.port.out.TaxRateRepository;
import dev.storefront.domain.shipping.TaxRate;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * The default {@link TaxCalculator}: the admin-managed rates ({@link TaxRateRepository}); the rate of
 * the location's region wins over its country's, no rate means no tax, rounded half-up once.
 * Called inside the quote's or checkout's transaction, so it reads what that transaction sees.
 */
public final class StoredTaxRates implements TaxCalculator {
    private final TaxRateRepository rates;

    @Inject
    public StoredTaxRates(TaxRateRepository rates) {
        this.rates = Objects.requireNonNull(rates, "rates");
    }

    @Override
    public Money tax(TaxLocation location, Money taxable) {
        return TaxRate.applicable(rates.findByCountry(location.country()), location.country(), location.region())
                .map(rate -> rate.taxOn(taxable))
                .orElse(Money.zero(taxable.currency()));
    }
}
