package dev.storefront.application.account;

import dev.storefront.domain.common.NotAuthenticatedException;
import dev.storefront.domain.port.in.account.RegenerateRecoveryCodesUseCase;
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
import java.util.List;
import java.util.Objects;

/** Ten new recovery codes for the current password and a TOTP code (its step used up); the old ones die. */
public final class RegenerateRecoveryCodesService implements RegenerateRecoveryCodesUseCase {
    private final Transactions transactions;
    private final UserRepository users;
    private final CurrentPasswordCheck passwordCheck;
    private final SecondFactorCheck check;
    private final TimeSource time;
    private final Audit audit;

    @Inject
    public RegenerateRecoveryCodesService(Transactions transactions, UserRepository users, TotpRepository totp,
                                          OneTimeCodes codes, SecretSealer sealer, TokenGenerator tokens,
                                          PasswordHasher hasher, LoginThrottle throttle, AccountEvents events,
                                          TimeSource time) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.users = Objects.requireNonNull(users, "users");
        this.passwordCheck = new CurrentPasswordCheck(Objects.requireNonNull(hasher, "hasher"),
                Objects.requireNonNull(throttle, "throttle"));
        this.audit = new Audit(Objects.requireNonNull(events, "events"));
        this.check = new SecondFactorCheck(Objects.requireNonNull(totp, "totp"), Objects.requireNonNull(codes, "codes"),
                Objects.requireNonNull(sealer, "sealer"), Objects.requireNonNull(tokens, "tokens"), throttle, audit);
        this.time = Objects.requireNonNull(time, "time");
    }

    @Override
    public List<String> regenerateRecoveryCodes(RegenerateRecoveryCodesCommand command) {
        Instant now = time.now();
        User user = transactions.readOnly(() -> users.findById(command.userId()))
                .orElseThrow(() -> new NotAuthenticatedException("Login required"));
        passwordCheck.require(user, command.currentPassword(), command.clientAddress(), now);
        List<String> recoveryCodes = check.attempt(user, command.clientAddress(), now, false,
                () -> transactions.inTransaction(() -> {
                    User locked = users.findByIdForUpdate(user.id())
                            .orElseThrow(() -> new NotAuthenticatedException("Login required"));
                    if (!locked.secondFactors().totp()) {
                        throw new TotpNotEnabled();
                    }
                    check.useTotpCode(locked.id(), true, command.code(), now);
                    return check.newRecoveryCodes(locked.id());
                }), () -> new WrongSecondFactorCode("code"));
        audit.record(AccountEvents.Type.MFA_RECOVERY_CODES_REGENERATED, now, user.id(), command.clientAddress());
        return recoveryCodes;
    }
}
