package dev.storefront.application.address;

import dev.storefront.domain.address.Address;
import dev.storefront.domain.port.in.address.ListAddressesUseCase;
import dev.storefront.domain.port.out.AddressRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.user.UserId;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;

/** The caller's address book on one snapshot, the default first. */
public final class ListAddressesService implements ListAddressesUseCase {
    private final Transactions transactions;
    private final AddressRepository addresses;

    @Inject
    public ListAddressesService(Transactions transactions, AddressRepository addresses) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.addresses = Objects.requireNonNull(addresses, "addresses");
    }

    @Override
    public List<Address> listAddresses(UserId userId) {
        Objects.requireNonNull(userId, "userId");
        return transactions.readOnly(() -> addresses.findByUser(userId));
    }
}
