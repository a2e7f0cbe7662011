package dev.storefront.domain.port.in.account;

import dev.storefront.domain.passkey.PasskeyRequestOptions;
import dev.storefront.domain.session.SessionHandle;

/** Issues a login challenge bound to the client's (usually a guest's) session. */
@FunctionalInterface
public interface StartPasskeyLoginUseCase {
    PasskeyRequestOptions startPasskeyLogin(SessionHandle session);
}
