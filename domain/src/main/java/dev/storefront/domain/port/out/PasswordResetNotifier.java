package dev.storefront.domain.port.out;

import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.Username;
import java.time.Instant;
import java.util.Objects;

/** Delivers a password reset token to the user (by mail in a real deployment). */
@FunctionalInterface
public interface PasswordResetNotifier {

    void sendPasswordReset(PasswordResetMessage message);

    /** What the user needs to reset their password. {@code toString()} hides the token. */
    record PasswordResetMessage(Email to, Username username, String token, Instant expiresAt) {
        public PasswordResetMessage {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public String toString() {
            return "PasswordResetMessage[to=" + to + ", expiresAt=" + expiresAt + "]";
        }
    }
}
