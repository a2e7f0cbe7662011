package dev.storefront.domain.passkey;

import dev.storefront.domain.common.NotFoundException;

/** No such passkey among the caller's (another user's is not told apart from none). */
public final class PasskeyNotFound extends NotFoundException {
    private static final long serialVersionUID = 1L;

    public PasskeyNotFound() {
        super("Passkey not found");
    }
}
