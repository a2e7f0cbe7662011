package dev.storefront.domain.port.in.account;

import dev.storefront.domain.session.SessionToken;
import dev.storefront.domain.user.UserId;
import java.util.List;
import java.util.Objects;

/**
 * Confirms the pending enrolment with a code of the new secret: TOTP is on, ten recovery codes
 * are made (shown once), and every other session of the user ends.
 */
@FunctionalInterface
public interface ConfirmTotpUseCase {
    /**
     * @return the recovery codes, as the user must write them down
     * @throws dev.storefront.domain.user.WrongSecondFactorCode 400 (also a code of a used step)
     * @throws dev.storefront.domain.user.NoPendingTotpEnrolment 409
     */
    List<String> confirmTotp(ConfirmTotpCommand command);

    record ConfirmTotpCommand(UserId userId, SessionToken currentSession, String code, String clientAddress) {
        public ConfirmTotpCommand {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(currentSession, "currentSession");
            Objects.requireNonNull(code, "code");
        }

        @Override
        public String toString() {
            return "ConfirmTotpCommand[" + userId + "]";
        }
    }
}
