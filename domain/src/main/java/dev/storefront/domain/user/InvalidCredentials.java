package dev.storefront.domain.user;

import dev.storefront.domain.common.NotAuthenticatedException;

/** Login failed. One message for an unknown user and a wrong password: nothing to tell them apart. */
public class InvalidCredentials extends NotAuthenticatedException {
    private static final long serialVersionUID = 1L;
    public static final String MESSAGE = "Invalid login or password";

    public InvalidCredentials() {
        super(MESSAGE);
    }
}
