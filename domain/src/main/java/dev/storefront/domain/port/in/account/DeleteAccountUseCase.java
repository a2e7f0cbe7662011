package dev.storefront.domain.port.in.account;

import dev.storefront.domain.user.UserId;
import java.util.Objects;

/**
 * Deletes the account, confirmed by the current password: its personal data is erased and every
 * session ends, in one transaction; its orders stay, with the customer anonymised.
 */
@FunctionalInterface
public interface DeleteAccountUseCase {
    /**
     * @throws dev.storefront.domain.common.NotAuthenticatedException when the user is already gone
     * @throws dev.storefront.domain.user.WrongCurrentPassword 403, nothing erased
     * @throws dev.storefront.domain.user.LoginThrottled 429, after too many wrong passwords
     */
    void deleteAccount(DeleteAccountCommand command);

    record DeleteAccountCommand(UserId userId, String currentPassword, String clientAddress) {
        public DeleteAccountCommand {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(currentPassword, "currentPassword");
        }

        @Override
        public String toString() {
            return "DeleteAccountCommand[userId=" + userId + "]";
        }
    }
}
