package dev.storefront.domain.port.in.account;

import dev.storefront.domain.session.SessionToken;
import dev.storefront.domain.user.UserId;
import java.util.Objects;

/** Ends every session of the caller except the calling one. */
@FunctionalInterface
public interface RevokeOtherSessionsUseCase {
    /** @return how many sessions ended */
    int revokeOtherSessions(RevokeOtherSessionsCommand command);

    record RevokeOtherSessionsCommand(UserId userId, SessionToken currentSession, String clientAddress) {
        public RevokeOtherSessionsCommand {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(currentSession, "currentSession");
        }
    }
}
