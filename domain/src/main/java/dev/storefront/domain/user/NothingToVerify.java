package dev.storefront.domain.user;

import dev.storefront.domain.common.ConflictException;

/** The email is verified and no change is pending: no verification mail to send. */
public class NothingToVerify extends ConflictException {
    private static final long serialVersionUID = 1L;

    public NothingToVerify() {
        super("The email is already verified and no email change is pending");
    }
}
