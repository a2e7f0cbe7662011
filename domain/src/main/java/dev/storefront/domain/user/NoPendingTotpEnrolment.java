package dev.storefront.domain.user;

import dev.storefront.domain.common.ConflictException;

/** A confirmation without an enrolment waiting for it. */
public class NoPendingTotpEnrolment extends ConflictException {
    private static final long serialVersionUID = 1L;

    public NoPendingTotpEnrolment() {
        super("No TOTP enrolment is waiting for confirmation");
    }
}
