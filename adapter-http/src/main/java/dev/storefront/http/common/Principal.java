package dev.storefront.http.common;

import dev.storefront.domain.user.Role;
import dev.storefront.domain.user.UserId;
import java.util.Objects;

/** The logged-in user behind a request, as resolved from its session. */
public record Principal(UserId userId, Role role) {
    public Principal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
