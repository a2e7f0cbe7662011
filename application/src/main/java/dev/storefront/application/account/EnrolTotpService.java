package dev.storefront.application.account;

import dev.storefront.domain.common.NotAuthenticatedException;
import dev.storefront.domain.port.in.account.EnrolTotpUseCase;
import dev.storefront.domain.port.out.LoginThrottle;
import dev.storefront.domain.port.out.OneTimeCodes;
import dev.storefront.domain.port.out.PasswordHasher;
import dev.storefront.domain.port.out.SecretSealer;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.TotpRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.user.Base32;
import dev.storefront.domain.user.Totp;
import dev.storefront.domain.user.TotpAlreadyEnabled;
import dev.storefront.domain.user.User;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Starts a TOTP enrolment: a new 160-bit secret, stored sealed as the user's pending credential
 * (replacing an earlier pending one), and answered once in base32 and as an {@code otpauth://} URI.
 */
public final class EnrolTotpService implements EnrolTotpUseCase {
    private final Transactions transactions;
    private final UserRepository users;
    private final TotpRepository totp;
    private final OneTimeCodes codes;
    private final SecretSealer sealer;
    private final CurrentPasswordCheck passwordCheck;
    private final TimeSource time;

    @Inject
    public EnrolTotpService(Transactions transactions, UserRepository users, TotpRepository totp, OneTimeCodes codes,
                            SecretSealer sealer, PasswordHasher hasher, LoginThrottle throttle, TimeSource time) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.users = Objects.requireNonNull(users, "users");
        this.totp = Objects.requireNonNull(totp, "totp");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.passwordCheck = new CurrentPasswordCheck(Objects.requireNonNull(hasher, "hasher"),
                Objects.requireNonNull(throttle, "throttle"));
        this.time = Objects.requireNonNull(time, "time");
    }

    @Override
    public TotpEnrolment enrolTotp(EnrolTotpCommand command) {
        Instant now = time.now();
        User user = transactions.readOnly(() -> users.findById(command.userId()))
                .orElseThrow(() -> new NotAuthenticatedException("Login required"));
        passwordCheck.require(user, command.currentPassword(), command.clientAddress(), now);
        byte[] secret = codes.newTotpSecret();
        try {
            String sealed = sealer.seal(secret, SecondFactorCheck.sealingContext(user.id()));
            User current = transactions.inTransaction(() -> {
                User locked = users.findByIdForUpdate(user.id())
                        .orElseThrow(() -> new NotAuthenticatedException("Login required"));
                if (locked.secondFactors().totp()) {
                    throw new TotpAlreadyEnabled();
                }
                totp.savePending(locked.id(), sealed, now);
                return locked;
            });
            return new TotpEnrolment(Base32.encode(secret), Totp.otpauthUri(current.username(), secret));
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
