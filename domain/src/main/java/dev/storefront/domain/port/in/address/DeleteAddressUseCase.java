package dev.storefront.domain.port.in.address;

import dev.storefront.domain.address.AddressId;
import dev.storefront.domain.user.UserId;
import java.util.Objects;

/** Deletes one of the caller's addresses; when it was the default, the oldest remaining one becomes the default. */
@FunctionalInterface
public interface DeleteAddressUseCase {
    /** @throws dev.storefront.domain.address.AddressNotFound when the id is none of the caller's */
    void deleteAddress(DeleteAddressCommand command);

    record DeleteAddressCommand(UserId userId, AddressId addressId) {
        public DeleteAddressCommand {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(addressId, "addressId");
        }
    }
}
