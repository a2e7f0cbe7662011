package dev.storefront.domain.port.in.account;

import dev.storefront.domain.user.UserId;
import java.util.List;
import java.util.Objects;

/** New recovery codes for the current password and a TOTP code; the old ones stop working. */
@FunctionalInterface
public interface RegenerateRecoveryCodesUseCase {
    /**
     * @throws dev.storefront.domain.user.WrongCurrentPassword 403
     * @throws dev.storefront.domain.user.WrongSecondFactorCode 400
     * @throws dev.storefront.domain.user.TotpNotEnabled 409
     */
    List<String> regenerateRecoveryCodes(RegenerateRecoveryCodesCommand command);

    record RegenerateRecoveryCodesCommand(UserId userId, String currentPassword, String code, String clientAddress) {
        public RegenerateRecoveryCodesCommand {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(currentPassword, "currentPassword");
            Objects.requireNonNull(code, "code");
        }

        @Override
        public String toString() {
            return "RegenerateRecoveryCodesCommand[" + userId + "]";
        }
    }
}
