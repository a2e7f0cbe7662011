package dev.storefront.domain.port.out;

import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.Username;
import java.time.Instant;
import java.util.Objects;

/** Account mail other than password resets (by mail in a real deployment): verification links, change notices. */
public interface AccountMailer {

    /** The token that confirms {@code to} (a new account's address or a pending change). */
    void sendEmailVerification(VerificationMessage message);

    /** Tells the current address that a change to another one waits for confirmation; carries no token. */
    void sendEmailChangeNotice(EmailChangeNotice notice);

    /** {@code toString()} hides the token. */
    record VerificationMessage(Email to, Username username, String token, Instant expiresAt) {
        public VerificationMessage {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public String toString() {
            return "VerificationMessage[to=" + to + ", expiresAt=" + expiresAt + "]";
        }
    }

    record EmailChangeNotice(Email to, Username username, Email newEmail) {
        public EmailChangeNotice {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(newEmail, "newEmail");
        }
    }
}
