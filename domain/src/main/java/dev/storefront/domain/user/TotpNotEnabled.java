package dev.storefront.domain.user;

import dev.storefront.domain.common.ConflictException;

/** Recovery codes or disabling were asked for while TOTP is off. */
public class TotpNotEnabled extends ConflictException {
    private static final long serialVersionUID = 1L;

    public TotpNotEnabled() {
        super("TOTP is not enabled");
    }
}
