package dev.storefront.application.shipping;

import dev.storefront.domain.address.Country;
import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.port.in.shipping.ListShippingMethodsUseCase;
import dev.storefront.domain.port.in.shipping.ShippingMethodsQuery;
import dev.storefront.domain.port.out.ShippingMethodRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.shipping.ShippingMethod;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

public final class ListShippingMethodsService implements ListShippingMethodsUseCase {
    private final ShippingMethodRepository methods;
    private final Transactions transactions;

    @Inject
    public ListShippingMethodsService(ShippingMethodRepository methods, Transactions transactions) {
        this.methods = Objects.requireNonNull(methods, "methods");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public List<ShippingMethod> listShippingMethods(ShippingMethodsQuery query) {
        Objects.requireNonNull(query, "query");
        Optional<Country> country = Optional.empty();
        if (query.country() != null) {
            country = Optional.of(Country.parse(query.country())
                    .orElseThrow(() -> new InvalidInputException("country", Country.PROBLEM)));
        }
        Optional<Country> to = country;
        // A handful of rows: filtered here, so the fake and the tables answer alike by construction.
        return transactions.readOnly(methods::findAll).stream()
                .filter(ShippingMethod::active)
                .filter(method -> to.map(method::shipsTo).orElse(true))
                .toList();
    }
}
