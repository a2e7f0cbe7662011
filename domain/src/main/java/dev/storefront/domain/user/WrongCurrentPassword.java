package dev.storefront.domain.user;

import dev.storefront.domain.common.AccessDeniedException;

/** A logged-in user confirmed a sensitive change with the wrong current password. */
public class WrongCurrentPassword extends AccessDeniedException {
    private static final long serialVersionUID = 1L;

    public WrongCurrentPassword() {
        super("The current password is not correct");
    }
}
