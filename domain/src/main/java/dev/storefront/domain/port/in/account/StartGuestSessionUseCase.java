package dev.storefront.domain.port.in.account;

import dev.storefront.domain.session.IssuedSession;

/**
 * Creates a session without a user, for a guest's first cart write. At login it is handed over
 * ({@link dev.storefront.domain.port.out.GuestSessionHandover}) and replaced by the user's session.
 */
@FunctionalInterface
public interface StartGuestSessionUseCase {
    IssuedSession startGuestSession(StartGuestSessionCommand command);

    /** {@code clientAddress} counts against the per-address limit; null (the host application's own call) does not. */
    record StartGuestSessionCommand(String userAgent, String clientAddress) {
        public StartGuestSessionCommand(String userAgent) {
            this(userAgent, null);
        }
    }
}
