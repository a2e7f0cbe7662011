package dev.storefront.application.shipping;

import dev.storefront.domain.port.in.shipping.ListAllShippingMethodsUseCase;
import dev.storefront.domain.port.out.ShippingMethodRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.shipping.ShippingMethod;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;

public final class ListAllShippingMethodsService implements ListAllShippingMethodsUseCase {
    private final ShippingMethodRepository methods;
    private final Transactions transactions;

    @Inject
    public ListAllShippingMethodsService(ShippingMethodRepository methods, Transactions transactions) {
        this.methods = Objects.requireNonNull(methods, "methods");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public List<ShippingMethod> listAllShippingMethods() {
        return transactions.readOnly(methods::findAll);
    }
}
