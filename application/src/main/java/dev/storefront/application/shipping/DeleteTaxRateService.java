package dev.storefront.application.shipping;

import dev.storefront.domain.port.in.shipping.DeleteTaxRateCommand;
import dev.storefront.domain.port.in.shipping.DeleteTaxRateUseCase;
import dev.storefront.domain.port.out.TaxRateRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.shipping.TaxRateNotFound;
import jakarta.inject.Inject;
import java.util.Objects;

public final class DeleteTaxRateService implements DeleteTaxRateUseCase {
    private final TaxRateRepository rates;
    private final Transactions transactions;

    @Inject
    public DeleteTaxRateService(TaxRateRepository rates, Transactions transactions) {
        this.rates = Objects.requireNonNull(rates, "rates");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public void deleteTaxRate(DeleteTaxRateCommand command) {
        Objects.requireNonNull(command, "command");
        if (!transactions.inTransaction(() -> rates.delete(command.country(), command.region()))) {
            throw new TaxRateNotFound();
        }
    }
}
