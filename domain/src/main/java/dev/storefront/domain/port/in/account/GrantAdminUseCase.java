package dev.storefront.domain.port.in.account;

import dev.storefront.domain.user.User;
import java.util.Objects;

/** Gives a user the admin role (an operator's command, not an HTTP route). */
@FunctionalInterface
public interface GrantAdminUseCase {
    /** @throws dev.storefront.domain.user.UnknownUser when nobody has that username */
    User grantAdmin(GrantAdminCommand command);

    record GrantAdminCommand(String username) {
        public GrantAdminCommand {
            Objects.requireNonNull(username, "username");
        }
    }
}
