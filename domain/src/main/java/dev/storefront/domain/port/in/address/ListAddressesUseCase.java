package dev.storefront.domain.port.in.address;

import dev.storefront.domain.address.Address;
import dev.storefront.domain.user.UserId;
import java.util.List;

/** The caller's address book, the default first, then in the order the addresses were added. */
@FunctionalInterface
public interface ListAddressesUseCase {
    List<Address> listAddresses(UserId userId);
}
