package dev.storefront.domain.port.in.account;

import dev.storefront.domain.user.User;

/** Changes the username and/or email, confirmed by the current password. */
@FunctionalInterface
public interface UpdateProfileUseCase {
    /**
     * @throws dev.storefront.domain.common.InvalidInputException field by field
     * @throws dev.storefront.domain.user.WrongCurrentPassword 403
     * @throws dev.storefront.domain.user.UsernameOrEmailTaken 409
     */
    User updateProfile(UpdateProfileCommand command);
}
