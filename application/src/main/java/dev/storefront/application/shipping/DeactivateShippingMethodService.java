package dev.storefront.application.shipping;

import dev.storefront.domain.port.in.shipping.DeactivateShippingMethodUseCase;
import dev.storefront.domain.port.out.ShippingMethodRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.shipping.ShippingMethodCode;
import dev.storefront.domain.shipping.ShippingMethodNotFound;
import jakarta.inject.Inject;
import java.util.Objects;

public final class DeactivateShippingMethodService implements DeactivateShippingMethodUseCase {
    private final ShippingMethodRepository methods;
    private final Transactions transactions;

    @Inject
    public DeactivateShippingMethodService(ShippingMethodRepository methods, Transactions transactions) {
        this.methods = Objects.requireNonNull(methods, "methods");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public void deactivateShippingMethod(ShippingMethodCode code) {
        Objects.requireNonNull(code, "code");
        // Deactivating an inactive method again is fine (DELETE is idempotent); an unknown code is not.
        if (!transactions.inTransaction(() -> methods.deactivate(code))) {
            throw new ShippingMethodNotFound();
        }
    }
}
