package dev.storefront.application.address;

import dev.storefront.domain.address.Address;
import dev.storefront.domain.address.AddressBookFull;
import dev.storefront.domain.port.in.address.AddAddressUseCase;
import dev.storefront.domain.port.out.AddressRepository;
import dev.storefront.domain.port.out.Locks;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * Adds an address under the user's lock: the count is read and the row written in one transaction,
 * so concurrent adds never take a book past {@link Address#MAX_PER_USER}. The first address, or one
 * added with {@code makeDefault}, becomes the default.
 */
public final class AddAddressService implements AddAddressUseCase {
    private final Transactions transactions;
    private final Locks locks;
    private final UserRepository users;
    private final AddressRepository addresses;

    @Inject
    public AddAddressService(Transactions transactions, Locks locks, UserRepository users,
                             AddressRepository addresses) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.users = Objects.requireNonNull(users, "users");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
    }

    @Override
    public Address addAddress(AddAddressCommand command) {
        return transactions.inTransaction(() -> {
            AddressBookLock.take(locks, users, command.userId());
            int held = addresses.countByUser(command.userId());
            if (held >= Address.MAX_PER_USER) {
                throw new AddressBookFull();
            }
            Address added = addresses.add(command.userId(), command.address());
            if (held == 0 || command.makeDefault()) {
                addresses.makeDefault(command.userId(), added.id());
                return new Address(added.id(), added.userId(), added.postal(), true);
            }
            return added;
        });
    }
}
