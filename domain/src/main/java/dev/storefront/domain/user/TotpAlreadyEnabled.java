package dev.storefront.domain.user;

import dev.storefront.domain.common.ConflictException;

/** An enrolment was asked for while TOTP is already on: disable it first. */
public class TotpAlreadyEnabled extends ConflictException {
    private static final long serialVersionUID = 1L;

    public TotpAlreadyEnabled() {
        super("TOTP is already enabled");
    }
}
