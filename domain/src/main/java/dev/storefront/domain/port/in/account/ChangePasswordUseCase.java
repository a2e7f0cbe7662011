package dev.storefront.domain.port.in.account;

import dev.storefront.domain.session.IssuedSession;

/**
 * Changes the password, confirmed by the current one. Every session of the user ends, outstanding
 * reset tokens die, and the calling session continues under a new id (returned).
 */
@FunctionalInterface
public interface ChangePasswordUseCase {
    /**
     * @throws dev.storefront.domain.common.InvalidInputException the new password breaks the policy
     * @throws dev.storefront.domain.user.WrongCurrentPassword 403
     */
    IssuedSession changePassword(ChangePasswordCommand command);
}
