package dev.storefront.application.shipping;

import dev.storefront.domain.port.in.shipping.PutShippingMethodCommand;
import dev.storefront.domain.port.in.shipping.PutShippingMethodUseCase;
import dev.storefront.domain.port.out.ShippingMethodRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.shipping.ShippingMethod;
import dev.storefront.domain.shipping.ShippingRules;
import jakarta.inject.Inject;
import java.util.Currency;
import java.util.Objects;

public final class PutShippingMethodService implements PutShippingMethodUseCase {
    private final ShippingMethodRepository methods;
    private final Transactions transactions;
    private final Currency currency;

    /** @param currency the store's one currency, which every shipping price is in */
    @Inject
    public PutShippingMethodService(ShippingMethodRepository methods, Transactions transactions, Currency currency) {
        this.methods = Objects.requireNonNull(methods, "methods");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    @Override
    public ShippingMethod putShippingMethod(PutShippingMethodCommand command) {
        Objects.requireNonNull(command, "command");
        // Checked before the transaction: bad input never reaches the database.
        ShippingMethod method = ShippingRules.shippingMethod(command.code(), command.name(), command.price(),
                command.freeOver(), command.countries(), command.active(), currency);
        transactions.inTransaction(() -> methods.put(method));
        return method;
    }
}
