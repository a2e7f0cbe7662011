package dev.storefront.domain.port.in.account;

import dev.storefront.domain.user.User;
import dev.storefront.domain.user.UserId;
import java.util.Objects;

@FunctionalInterface
public interface GetCurrentUserUseCase {
    /** @throws dev.storefront.domain.common.NotAuthenticatedException when the user no longer exists */
    User currentUser(CurrentUserQuery query);

    record CurrentUserQuery(UserId userId) {
        public CurrentUserQuery {
            Objects.requireNonNull(userId, "userId");
        }
    }
}
