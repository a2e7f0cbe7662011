package dev.storefront.domain.port.in.account;

import dev.storefront.domain.port.in.account.LogInUseCase.LoggedIn;
import dev.storefront.domain.session.SessionToken;
import java.util.Objects;
import java.util.Optional;

/**
 * The second step of a login for a user with TOTP on: the pending session the password step
 * issued, and a TOTP or recovery code. Issues a new, complete session; the pending one ends, and
 * the guest session the client held before the password step is handed over and ends.
 */
@FunctionalInterface
public interface CompleteMfaLoginUseCase {
    /**
     * @throws dev.storefront.domain.user.InvalidSecondFactorLogin 401, one for every failure
     * @throws dev.storefront.domain.user.LoginThrottled 429, counted like wrong passwords
     */
    LoggedIn completeMfaLogin(CompleteMfaLoginCommand command);

    /** Exactly one of {@code code} and {@code recoveryCode}; the other null. */
    record CompleteMfaLoginCommand(Optional<SessionToken> pendingSession, String code, String recoveryCode,
                                   String clientAddress, String userAgent) {
        public CompleteMfaLoginCommand {
            Objects.requireNonNull(pendingSession, "pendingSession");
            if ((code == null) == (recoveryCode == null)) {
                throw new IllegalArgumentException("exactly one of code and recoveryCode");
            }
        }

        @Override
        public String toString() {
            return "CompleteMfaLoginCommand[hidden]";
        }
    }
}
