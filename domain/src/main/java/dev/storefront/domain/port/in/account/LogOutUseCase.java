package dev.storefront.domain.port.in.account;

import dev.storefront.domain.session.SessionToken;
import java.util.Optional;

/** Destroys the session server-side. Idempotent: no session, or an unknown one, is fine. */
@FunctionalInterface
public interface LogOutUseCase {
    void logOut(LogOutCommand command);

    record LogOutCommand(Optional<SessionToken> session, String clientAddress) {}
}
