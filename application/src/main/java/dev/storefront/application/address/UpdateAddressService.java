package dev.storefront.application.address;

import dev.storefront.domain.address.Address;
import dev.storefront.domain.address.AddressNotFound;
import dev.storefront.domain.address.PostalAddress;
import dev.storefront.domain.port.in.address.UpdateAddressUseCase;
import dev.storefront.domain.port.out.AddressRepository;
import dev.storefront.domain.port.out.Locks;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * Changes the given fields of one of the caller's addresses under the user's lock. Every rule is
 * checked on the merged address before anything is written, so a refused patch changes nothing
 * (not even the default).
 */
public final class UpdateAddressService implements UpdateAddressUseCase {
    private final Transactions transactions;
    private final Locks locks;
    private final UserRepository users;
    private final AddressRepository addresses;

    @Inject
    public UpdateAddressService(Transactions transactions, Locks locks, UserRepository users,
                                AddressRepository addresses) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.users = Objects.requireNonNull(users, "users");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
    }

    @Override
    public Address updateAddress(UpdateAddressCommand c) {
        return transactions.inTransaction(() -> {
            AddressBookLock.take(locks, users, c.userId());
            Address current = addresses.findById(c.userId(), c.addressId()).orElseThrow(AddressNotFound::new);
            PostalAddress changed = current.postal().change(c.name(), c.line1(), c.line2(), c.city(), c.region(),
                    c.postalCode(), c.country(), c.phone());
            if (!changed.equals(current.postal())) {
                addresses.update(c.userId(), current.id(), changed);
            }
            boolean isDefault = current.isDefault();
            if (Boolean.TRUE.equals(c.makeDefault()) && !isDefault) {
                addresses.makeDefault(c.userId(), current.id());
                isDefault = true;
            }
            return new Address(current.id(), c.userId(), changed, isDefault);
        });
    }
}
