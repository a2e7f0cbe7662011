package dev.storefront.domain.passkey;

import dev.storefront.domain.common.NotAuthenticatedException;

/**
 * A passkey login was refused. One message whatever the cause (unknown credential, bad signature,
 * used, expired or foreign challenge, wrong origin or rp id, user handle, counter): nothing to tell
 * an attacker which check failed.
 */
public final class PasskeyLoginFailed extends NotAuthenticatedException {
    private static final long serialVersionUID = 1L;
    public static final String MESSAGE = "Passkey not accepted";

    public PasskeyLoginFailed() {
        super(MESSAGE);
    }
}
