package dev.storefront.domain.port.in.account;

import dev.storefront.domain.user.UserId;
import java.util.Objects;

/** Mails a new verification token to the address awaiting verification; older tokens die. */
@FunctionalInterface
public interface RequestEmailVerificationUseCase {
    /**
     * @throws dev.storefront.domain.user.NothingToVerify verified and nothing pending
     * @throws dev.storefront.domain.user.EmailVerificationThrottled too many requests of this account
     */
    void requestEmailVerification(RequestEmailVerificationCommand command);

    record RequestEmailVerificationCommand(UserId userId, String clientAddress) {
        public RequestEmailVerificationCommand {
            Objects.requireNonNull(userId, "userId");
        }
    }
}
