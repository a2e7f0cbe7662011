package dev.storefront.domain.port.in.account;

import java.util.Objects;

/** Sets a new password with a reset token; the token is used up and every session of the user ends. */
@FunctionalInterface
public interface ConfirmPasswordResetUseCase {
    /**
     * @throws dev.storefront.domain.user.InvalidResetToken unknown, expired or used (one answer)
     * @throws dev.storefront.domain.common.InvalidInputException the new password breaks the policy
     */
    void confirmPasswordReset(ConfirmPasswordResetCommand command);

    record ConfirmPasswordResetCommand(String token, String newPassword, String clientAddress) {
        public ConfirmPasswordResetCommand {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(newPassword, "newPassword");
        }

        @Override
        public String toString() {
            return "ConfirmPasswordResetCommand[hidden]";
        }
    }
}
