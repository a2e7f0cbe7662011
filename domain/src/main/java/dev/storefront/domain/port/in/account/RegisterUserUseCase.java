package dev.storefront.domain.port.in.account;

import dev.storefront.domain.user.User;

/** Creates a customer account. No session is created. */
@FunctionalInterface
public interface RegisterUserUseCase {
    /**
     * @throws dev.storefront.domain.common.InvalidInputException field by field
     * @throws dev.storefront.domain.user.UsernameOrEmailTaken naming the taken fields
     */
    User register(RegisterUserCommand command);
}
