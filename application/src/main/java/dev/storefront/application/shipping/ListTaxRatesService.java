package dev.storefront.application.shipping;

import dev.storefront.domain.port.in.shipping.ListTaxRatesUseCase;
import dev.storefront.domain.port.out.TaxRateRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.shipping.TaxRate;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;

public final class ListTaxRatesService implements ListTaxRatesUseCase {
    private final TaxRateRepository rates;
    private final Transactions transactions;

    @Inject
    public ListTaxRatesService(TaxRateRepository rates, Transactions transactions) {
        this.rates = Objects.requireNonNull(rates, "rates");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public List<TaxRate> listTaxRates() {
        return transactions.readOnly(rates::findAll);
    }
}
