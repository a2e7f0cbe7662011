package dev.storefront.inmemory;

import dev.storefront.domain.address.Address;
import dev.storefront.domain.address.AddressId;
import dev.storefront.domain.address.PostalAddress;
import dev.storefront.domain.port.out.AddressRepository;
import dev.storefront.domain.user.UserId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Address books in a map; rolls back with {@link InMemoryTransactions}. */
public final class InMemoryAddressRepository implements AddressRepository, InMemoryTransactions.Participant {
    private static final Comparator<Address> DEFAULT_FIRST = Comparator.comparing((Address a) -> !a.isDefault())
            .thenComparingLong(a -> a.id().value());
    private final Map<AddressId, Address> addresses = new LinkedHashMap<>();
    private long nextId = 1;

    public InMemoryAddressRepository(InMemoryTransactions transactions) {
        transactions.register(this);
    }

    @Override
    public synchronized List<Address> findByUser(UserId userId) {
        return addresses.values().stream().filter(a -> a.userId().equals(userId)).sorted(DEFAULT_FIRST).toList();
    }

    @Override
    public synchronized Optional<Address> findById(UserId userId, AddressId id) {
        return Optional.ofNullable(addresses.get(id)).filter(a -> a.userId().equals(userId));
    }

    @Override
    public synchronized int countByUser(UserId userId) {
        return (int) addresses.values().stream().filter(a -> a.userId().equals(userId)).count();
    }

    @Override
    public synchronized Address add(UserId userId, PostalAddress postal) {
        Address address = new Address(new AddressId(nextId++), userId, postal, false);
        addresses.put(address.id(), address);
        return address;
    }

    @Override
    public synchronized boolean update(UserId userId, AddressId id, PostalAddress postal) {
        return findById(userId, id).map(a -> addresses.put(id, new Address(id, userId, postal, a.isDefault()))).isPresent();
    }

    @Override
    public synchronized boolean makeDefault(UserId userId, AddressId id) {
        if (findById(userId, id).isEmpty()) {
            return false;
        }
        for (Address a : findByUser(userId)) {
            addresses.put(a.id(), new Address(a.id(), userId, a.postal(), a.id().equals(id)));
        }
        return true;
    }

    @Override
    public synchronized boolean delete(UserId userId, AddressId id) {
        return findById(userId, id).map(a -> addresses.remove(id)).isPresent();
    }

    @Override
    public synchronized int deleteAllOf(UserId userId) {
        int before = addresses.size();
        addresses.values().removeIf(a -> a.userId().equals(userId));
        return before - addresses.size();
    }

    @Override
    public synchronized Runnable snapshot() {
        Runnable back = Snapshots.of(this, addresses);
        long id = nextId;
        return () -> {
            back.run();
            synchronized (this) {
                nextId = id;
            }
        };
    }
}
