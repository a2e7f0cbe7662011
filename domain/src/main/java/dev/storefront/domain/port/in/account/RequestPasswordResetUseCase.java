package dev.storefront.domain.port.in.account;

/**
 * Sends a reset token to the email's owner, if there is one; the caller learns nothing either way.
 * A new request supersedes older tokens.
 */
@FunctionalInterface
public interface RequestPasswordResetUseCase {
    /**
     * @throws dev.storefront.domain.common.InvalidInputException a malformed email
     * @throws dev.storefront.domain.user.PasswordResetThrottled too many requests
     */
    void requestPasswordReset(RequestPasswordResetCommand command);

    record RequestPasswordResetCommand(String email, String clientAddress) {}
}
