package dev.storefront.application.account;

import dev.storefront.domain.common.NotAuthenticatedException;
import dev.storefront.domain.port.in.account.DisableMfaUseCase;
import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.LoginThrottle;
import dev.storefront.domain.port.out.OneTimeCodes;
import dev.storefront.domain.port.out.PasswordHasher;
import dev.storefront.domain.port.out.SecretSealer;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.TotpRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.user.TotpNotEnabled;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.WrongSecondFactorCode;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Objects;

/**
 * Turns TOTP off for the current password and a second factor (a TOTP or a recovery code): the
 * credential and the recovery codes are erased and the user's row says so, in one transaction.
 */
public final class DisableMfaService implements DisableMfaUseCase {
    private final Transactions transactions;
    private final UserRepository users;
    private final TotpRepository totp;
    private final CurrentPasswordCheck passwordCheck;
    private final SecondFactorCheck check;
    private final TimeSource time;
    private final Audit audit;

    @Inject
    public DisableMfaService(Transactions transactions, UserRepository users, TotpRepository totp, OneTimeCodes codes,
                             SecretSealer sealer, TokenGenerator tokens, PasswordHasher hasher,
                             LoginThrottle throttle, AccountEvents events, TimeSource time) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.users = Objects.requireNonNull(users, "users");
        this.totp = Objects.requireNonNull(totp, "totp");
        this.passwordCheck = new CurrentPasswordCheck(Objects.requireNonNull(hasher, "hasher"),
                Objects.requireNonNull(throttle, "throttle"));
        this.audit = new Audit(Objects.requireNonNull(events, "events"));
        this.check = new SecondFactorCheck(totp, Objects.requireNonNull(codes, "codes"),
                Objects.requireNonNull(sealer, "sealer"), Objects.requireNonNull(tokens, "tokens"), throttle, audit);
        this.time = Objects.requireNonNull(time, "time");
    }

    @Override
    public void disableMfa(DisableMfaCommand command) {
        Instant now = time.now();
        User user = transactions.readOnly(() -> users.findById(command.userId()))
                .orElseThrow(() -> new NotAuthenticatedException("Login required"));
        passwordCheck.require(user, command.currentPassword(), command.clientAddress(), now);
        String field = command.code() != null ? "code" : "recoveryCode";
        check.attempt(user, command.clientAddress(), now, false, () -> transactions.inTransaction(() -> {
            User locked = users.findByIdForUpdate(user.id())
                    .orElseThrow(() -> new NotAuthenticatedException("Login required"));
            if (!locked.secondFactors().totp()) {
                throw new TotpNotEnabled();
            }
            if (command.code() != null) {
                check.useTotpCode(locked.id(), true, command.code(), now);
            } else {
                check.useRecoveryCode(locked.id(), command.recoveryCode());
            }
            totp.deleteAllOf(locked.id());
            users.update(locked.withSecondFactors(locked.secondFactors().withTotp(false)));
            return null;
        }), () -> new WrongSecondFactorCode(field));
        audit.record(AccountEvents.Type.MFA_DISABLED, now, user.id(), command.clientAddress());
    }
}
