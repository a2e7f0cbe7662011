package dev.storefront.domain.address;

import dev.storefront.domain.common.ConflictException;

/** The user already keeps {@link Address#MAX_PER_USER} addresses. */
public final class AddressBookFull extends ConflictException {
    private static final long serialVersionUID = 1L;

    public AddressBookFull() {
        super("An address book holds at most " + Address.MAX_PER_USER + " addresses; delete one first");
    }
}
