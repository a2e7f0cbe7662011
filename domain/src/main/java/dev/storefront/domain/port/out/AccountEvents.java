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
        PASSKEY_ADDED, PASSKEY_REMOVED, PASSKEY_USED, PASSKEY_LOGIN_FAILED,
        /** Recorded with the user id only: no client address (personal data), none of the exported data. */
        DATA_EXPORTED,
        /** Recorded with the user id only, the tombstone's id: nothing else about the person remains. */
        ACCOUNT_DELETED,
        MFA_ENABLED, MFA_DISABLED, MFA_TOTP_USED, MFA_RECOVERY_CODE_USED, MFA_RECOVERY_CODES_REGENERATED, MFA_FAILED,
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
