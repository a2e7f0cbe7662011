package dev.storefront.application.address;

import dev.storefront.domain.address.Address;
import dev.storefront.domain.address.AddressNotFound;
import dev.storefront.domain.port.in.address.DeleteAddressUseCase;
import dev.storefront.domain.port.out.AddressRepository;
import dev.storefront.domain.port.out.Locks;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;

/**
 * Deletes one of the caller's addresses under the user's lock; when it was the default, the oldest
 * remaining address (the lowest id) becomes the default in the same transaction, so a non-empty
 * book always has exactly one.
 */
public final class DeleteAddressService implements DeleteAddressUseCase {
    private final Transactions transactions;
    private final Locks locks;
    private final UserRepository users;
    private final AddressRepository addresses;

    @Inject
    public DeleteAddressService(Transactions transactions, Locks locks, UserRepository users,
                                AddressRepository addresses) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.users = Objects.requireNonNull(users, "users");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
    }

    @Override
    public void deleteAddress(DeleteAddressCommand command) {
        transactions.inTransaction(() -> {
            AddressBookLock.take(locks, users, command.userId());
            Address doomed = addresses.findById(command.userId(), command.addressId())
                    .orElseThrow(AddressNotFound::new);
            addresses.delete(command.userId(), doomed.id());
            if (doomed.isDefault()) {
                // No default is left, so the book lists oldest first: the first is the oldest.
                List<Address> rest = addresses.findByUser(command.userId());
                if (!rest.isEmpty()) {
                    addresses.makeDefault(command.userId(), rest.get(0).id());
                }
            }
            return null;
        });
    }
}
