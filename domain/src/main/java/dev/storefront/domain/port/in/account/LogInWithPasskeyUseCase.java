package dev.storefront.domain.port.in.account;

import dev.storefront.domain.port.in.account.LogInUseCase.LoggedIn;
import dev.storefront.domain.session.SessionHandle;
import dev.storefront.domain.session.SessionToken;
import java.util.Objects;

/**
 * Logs in with a discoverable passkey: the assertion must answer the challenge of the client's
 * session. Complete on its own (no second factor); the client's session ends and a new one is issued.
 */
@FunctionalInterface
public interface LogInWithPasskeyUseCase {
    /** @throws dev.storefront.domain.passkey.PasskeyLoginFailed whatever failed */
    LoggedIn logInWithPasskey(PasskeyLoginCommand command);

    record PasskeyLoginCommand(SessionToken sessionToken, SessionHandle session, String credentialJson,
                               String clientAddress, String userAgent) {
        public PasskeyLoginCommand {
            Objects.requireNonNull(sessionToken, "sessionToken");
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(credentialJson, "credentialJson");
        }
    }
}
