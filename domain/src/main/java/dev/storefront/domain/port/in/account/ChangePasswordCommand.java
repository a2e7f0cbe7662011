package dev.storefront.domain.port.in.account;

import dev.storefront.domain.session.SessionToken;
import dev.storefront.domain.user.UserId;
import java.util.Objects;

public record ChangePasswordCommand(UserId userId, SessionToken currentSession, String currentPassword,
                                    String newPassword, String clientAddress, String userAgent) {
    public ChangePasswordCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(currentSession, "currentSession");
        Objects.requireNonNull(currentPassword, "currentPassword");
        Objects.requireNonNull(newPassword, "newPassword");
    }

    @Override
    public String toString() {
        return "ChangePasswordCommand[userId=" + userId + "]";
    }
}
