package dev.storefront.domain.port.in.account;

import dev.storefront.domain.passkey.Passkey;
import dev.storefront.domain.session.SessionHandle;
import dev.storefront.domain.user.UserId;
import java.util.Objects;

/**
 * Verifies a registration response against the session's challenge (used up either way) and
 * stores the passkey; the user's passkey count moves in the same transaction.
 */
@FunctionalInterface
public interface RegisterPasskeyUseCase {
    /**
     * @throws dev.storefront.domain.common.InvalidInputException invalid, used or expired challenge,
     *         wrong origin or rp id, bad attestation, a bad name
     * @throws dev.storefront.domain.passkey.PasskeyAlreadyRegistered the credential is registered already
     * @throws dev.storefront.domain.passkey.TooManyPasskeys the user has the most passkeys allowed
     */
    Passkey registerPasskey(RegisterPasskeyCommand command);

    /** {@code name} may be null (a default is given); {@code credentialJson} is the browser's response. */
    record RegisterPasskeyCommand(UserId userId, SessionHandle session, String name, String credentialJson,
                                  String clientAddress) {
        public RegisterPasskeyCommand {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(credentialJson, "credentialJson");
        }
    }
}
