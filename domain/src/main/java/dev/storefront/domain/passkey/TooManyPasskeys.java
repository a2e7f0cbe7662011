package dev.storefront.domain.passkey;

import dev.storefront.domain.common.ConflictException;

/** The user has {@link PasskeyRules#MAX_PER_USER} passkeys: one must go before another comes. */
public final class TooManyPasskeys extends ConflictException {
    private static final long serialVersionUID = 1L;

    public TooManyPasskeys() {
        super("At most " + PasskeyRules.MAX_PER_USER + " passkeys per account: delete one first");
    }
}
