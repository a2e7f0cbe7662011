package dev.storefront.domain.user;

import dev.storefront.domain.common.NotAuthenticatedException;

/**
 * The second step of a login failed: a wrong or used code, no pending session, an expired one.
 * One message for all, so nothing tells them apart.
 */
public class InvalidSecondFactorLogin extends NotAuthenticatedException {
    private static final long serialVersionUID = 1L;
    public static final String MESSAGE = "Invalid code or expired login; log in again if this persists";

    public InvalidSecondFactorLogin() {
        super(MESSAGE);
    }
}
