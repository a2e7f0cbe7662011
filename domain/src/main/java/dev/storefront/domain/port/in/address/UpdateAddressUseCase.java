package dev.storefront.domain.port.in.address;

import dev.storefront.domain.address.Address;
import dev.storefront.domain.address.AddressId;
import dev.storefront.domain.user.UserId;
import java.util.Objects;

/**
 * Changes the given fields of one of the caller's addresses; a {@code null} field stays as it is.
 * {@code makeDefault} {@code TRUE} moves the default to this address; {@code FALSE} or {@code null}
 * leave the default where it is (a non-empty book always has one: it is moved, never removed).
 */
@FunctionalInterface
public interface UpdateAddressUseCase {
    /**
     * @throws dev.storefront.domain.address.AddressNotFound when the id is none of the caller's
     * @throws dev.storefront.domain.common.InvalidInputException naming each field that breaks a rule
     */
    Address updateAddress(UpdateAddressCommand command);

    /** The new texts as the client sent them (checked by the domain's rules, trimmed there). */
    record UpdateAddressCommand(UserId userId, AddressId addressId, String name, String line1, String line2,
                                String city, String region, String postalCode, String country, String phone,
                                Boolean makeDefault) {
        public UpdateAddressCommand {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(addressId, "addressId");
        }
    }
}
