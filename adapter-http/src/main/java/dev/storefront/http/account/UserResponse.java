package dev.storefront.http.account;

import dev.storefront.domain.user.User;
import java.util.Locale;

/** The API's {@code User}: never a hash. */
public record UserResponse(long id, String username, String email, String role, String createdAt) {
    public static UserResponse from(User user) {
        return new UserResponse(user.id().value(), user.username().value(), user.email().value(),
                user.role().name().toLowerCase(Locale.ROOT), Timestamps.format(user.createdAt()));
    }
}
