package dev.storefront.domain.port.in.address;

import dev.storefront.domain.address.Address;
import dev.storefront.domain.address.PostalAddress;
import dev.storefront.domain.user.UserId;
import java.util.Objects;

/**
 * Saves a new address in the caller's book. The first address becomes the default; {@code makeDefault}
 * moves the default to the new one (false leaves the default where it is).
 */
@FunctionalInterface
public interface AddAddressUseCase {
    /**
     * @throws dev.storefront.domain.address.AddressBookFull when the book holds {@link Address#MAX_PER_USER}
     * @throws dev.storefront.domain.common.NotAuthenticatedException when the user is gone
     */
    Address addAddress(AddAddressCommand command);

    record AddAddressCommand(UserId userId, PostalAddress address, boolean makeDefault) {
        public AddAddressCommand {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(address, "address");
        }
    }
}
