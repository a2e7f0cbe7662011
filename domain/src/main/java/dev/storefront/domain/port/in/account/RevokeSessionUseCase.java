package dev.storefront.domain.port.in.account;

import dev.storefront.domain.session.SessionHandle;
import dev.storefront.domain.user.UserId;
import java.util.Objects;

/** Ends one of the caller's sessions by its public handle. */
@FunctionalInterface
public interface RevokeSessionUseCase {
    /** @throws dev.storefront.domain.session.SessionNotFound when it is not one of the caller's */
    void revokeSession(RevokeSessionCommand command);

    record RevokeSessionCommand(UserId userId, String handle, String clientAddress) {
        public RevokeSessionCommand {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(handle, "handle");
        }
    }
}
