package dev.storefront.domain.address;

import dev.storefront.domain.common.NotFoundException;

/** No address with this id in the caller's address book (another user's is not told apart). */
public final class AddressNotFound extends NotFoundException {
    private static final long serialVersionUID = 1L;

    public AddressNotFound() {
        super("Address not found");
    }
}
