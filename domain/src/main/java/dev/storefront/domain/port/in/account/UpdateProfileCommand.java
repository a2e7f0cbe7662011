package dev.storefront.domain.port.in.account;

import dev.storefront.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/** {@code username} and {@code email} are optional (empty: unchanged); raw input, validated by the use case. */
public record UpdateProfileCommand(UserId userId, Optional<String> username, Optional<String> email,
                                   String currentPassword, String clientAddress) {
    public UpdateProfileCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(currentPassword, "currentPassword");
    }

    @Override
    public String toString() {
        return "UpdateProfileCommand[userId=" + userId + "]";
    }
}
