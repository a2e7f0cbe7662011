package dev.storefront.application.shipping;

import dev.storefront.domain.port.in.shipping.PutTaxRateCommand;
import dev.storefront.domain.port.in.shipping.PutTaxRateUseCase;
import dev.storefront.domain.port.out.TaxRateRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.shipping.ShippingRules;
import dev.storefront.domain.shipping.TaxRate;
import jakarta.inject.Inject;
import java.util.Objects;

public final class PutTaxRateService implements PutTaxRateUseCase {
    private final TaxRateRepository rates;
    private final Transactions transactions;

    @Inject
    public PutTaxRateService(TaxRateRepository rates, Transactions transactions) {
        this.rates = Objects.requireNonNull(rates, "rates");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public TaxRate putTaxRate(PutTaxRateCommand command) {
        Objects.requireNonNull(command, "command");
        TaxRate rate = ShippingRules.taxRate(command.country(), command.region(), command.rate());
        transactions.inTransaction(() -> rates.put(rate));
        return rate;
    }
}
