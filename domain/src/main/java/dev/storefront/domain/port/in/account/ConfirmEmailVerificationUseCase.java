package dev.storefront.domain.port.in.account;

import java.util.Objects;

/** Confirms the address a token was mailed to; no login needed (the link is opened from a mail client). */
@FunctionalInterface
public interface ConfirmEmailVerificationUseCase {
    /**
     * @throws dev.storefront.domain.user.InvalidVerificationToken unknown, expired, used or superseded (one answer)
     * @throws dev.storefront.domain.user.UsernameOrEmailTaken the new address was registered meanwhile
     */
    void confirmEmailVerification(ConfirmEmailVerificationCommand command);

    record ConfirmEmailVerificationCommand(String token, String clientAddress) {
        public ConfirmEmailVerificationCommand {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "ConfirmEmailVerificationCommand[hidden]";
        }
    }
}
