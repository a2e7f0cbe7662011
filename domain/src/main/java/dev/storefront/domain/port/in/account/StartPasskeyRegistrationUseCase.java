package dev.storefront.domain.port.in.account;

import dev.storefront.domain.passkey.PasskeyCreationOptions;
import dev.storefront.domain.session.SessionHandle;
import dev.storefront.domain.user.UserId;
import java.util.Objects;

/** Issues a registration challenge bound to the user's session, with the options for the browser. */
@FunctionalInterface
public interface StartPasskeyRegistrationUseCase {
    PasskeyCreationOptions startPasskeyRegistration(StartPasskeyRegistrationCommand command);

    record StartPasskeyRegistrationCommand(UserId userId, SessionHandle session) {
        public StartPasskeyRegistrationCommand {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(session, "session");
        }
    }
}
