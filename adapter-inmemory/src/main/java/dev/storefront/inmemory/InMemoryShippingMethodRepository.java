package dev.storefront.inmemory;

import dev.storefront.domain.port.out.ShippingMethodRepository;
import dev.storefront.domain.shipping.ShippingMethod;
import dev.storefront.domain.shipping.ShippingMethodCode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Shipping methods in a map by code; rolls back with {@link InMemoryTransactions}. */
public final class InMemoryShippingMethodRepository implements ShippingMethodRepository, InMemoryTransactions.Participant {
    private final Map<String, ShippingMethod> methods = new TreeMap<>();

    public InMemoryShippingMethodRepository(InMemoryTransactions transactions) {
        transactions.register(this);
    }

    @Override
    public synchronized void put(ShippingMethod method) {
        methods.put(method.code().value(), method);
    }

    @Override
    public synchronized Optional<ShippingMethod> findByCode(ShippingMethodCode code) {
        return Optional.ofNullable(methods.get(code.value()));
    }

    @Override
    public synchronized List<ShippingMethod> findAll() {
        return List.copyOf(methods.values());
    }

    @Override
    public synchronized boolean anyActive() {
        return methods.values().stream().anyMatch(ShippingMethod::active);
    }

    @Override
    public synchronized boolean deactivate(ShippingMethodCode code) {
        ShippingMethod method = methods.get(code.value());
        if (method == null) {
            return false;
        }
        methods.put(code.value(), method.deactivate());
        return true;
    }

    @Override
    public synchronized Runnable snapshot() {
        return Snapshots.of(this, methods);
    }
}
