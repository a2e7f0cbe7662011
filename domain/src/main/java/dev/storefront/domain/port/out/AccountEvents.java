package dev.storefront.domain.port.out;

import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;

/** The audit trail of account events. Events carry no secrets (no passwords, tokens, session ids). */
@FunctionalInterface
public interface AccountEvents {

    void record(AccountEvent event);

    enum Type {
        REGISTERED, LOGGED_IN, LOGIN_FAILED, LOGIN_THROTTLED, LOGGED_OUT, PROFILE_UPDATED, PASSWORD_CHANGED,
        PASSWORD_RESET_REQUESTED, PASSWORD_RESET_COMPLETED, SESSION_REVOKED, ROLE_GRANTED,
        EMAIL_VERIFICATION_SENT, EMAIL_VERIFIED, EMAIL_CHANGE_REQUESTED
    }

    /**
     * One event. {@code userId} is null when no known user is concerned (a failed login for an
     * unknown name, a reset request for an unknown email); {@code clientAddress} is null when the
     * event did not come over the network (a command-line tool).
     */
    record AccountEvent(Type type, Instant at, UserId userId, String clientAddress) {
        public AccountEvent {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(at, "at");
        }
    }

    AccountEvents NONE = event -> { };
}
