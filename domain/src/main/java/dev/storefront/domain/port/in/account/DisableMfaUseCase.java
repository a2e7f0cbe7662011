package dev.storefront.domain.port.in.account;

import dev.storefront.domain.user.UserId;
import java.util.Objects;

/** Turns TOTP off for the current password and a TOTP or recovery code; the recovery codes go too. */
@FunctionalInterface
public interface DisableMfaUseCase {
    /**
     * @throws dev.storefront.domain.user.WrongCurrentPassword 403
     * @throws dev.storefront.domain.user.WrongSecondFactorCode 400
     * @throws dev.storefront.domain.user.TotpNotEnabled 409
     */
    void disableMfa(DisableMfaCommand command);

    /** Exactly one of {@code code} and {@code recoveryCode}; the other null. */
    record DisableMfaCommand(UserId userId, String currentPassword, String code, String recoveryCode,
                             String clientAddress) {
        public DisableMfaCommand {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(currentPassword, "currentPassword");
            if ((code == null) == (recoveryCode == null)) {
                throw new IllegalArgumentException("exactly one of code and recoveryCode");
            }
        }

        @Override
        public String toString() {
            return "DisableMfaCommand[" + userId + "]";
        }
    }
}
