package dev.storefront.domain.port.in.account;

import dev.storefront.domain.user.UserId;
import java.util.Objects;

/**
 * Starts a TOTP enrolment, confirmed with the current password: a new secret, replacing a
 * pending enrolment. The secret is in the answer and never again.
 */
@FunctionalInterface
public interface EnrolTotpUseCase {
    /**
     * @throws dev.storefront.domain.user.WrongCurrentPassword 403
     * @throws dev.storefront.domain.user.TotpAlreadyEnabled 409
     */
    TotpEnrolment enrolTotp(EnrolTotpCommand command);

    record EnrolTotpCommand(UserId userId, String currentPassword, String clientAddress) {
        public EnrolTotpCommand {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(currentPassword, "currentPassword");
        }

        @Override
        public String toString() {
            return "EnrolTotpCommand[" + userId + "]";
        }
    }

    /** The secret in base32 and the {@code otpauth://} URI that carries it. */
    record TotpEnrolment(String secret, String otpauthUri) {
        public TotpEnrolment {
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(otpauthUri, "otpauthUri");
        }

        @Override
        public String toString() {
            return "TotpEnrolment[hidden]";
        }
    }
}
