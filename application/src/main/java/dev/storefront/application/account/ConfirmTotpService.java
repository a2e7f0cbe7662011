package dev.storefront.application.account;

import dev.storefront.domain.common.NotAuthenticatedException;
import dev.storefront.domain.port.in.account.ConfirmTotpUseCase;
import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.LoginThrottle;
import dev.storefront.domain.port.out.OneTimeCodes;
import dev.storefront.domain.port.out.SecretSealer;
import dev.storefront.domain.port.out.SessionRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.TotpRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.user.NoPendingTotpEnrolment;
import dev.storefront.domain.user.TotpAlreadyEnabled;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.WrongSecondFactorCode;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Confirms the pending enrolment with a code of its secret, in one transaction: the step is used
 * up, the credential confirmed, ten recovery codes made, TOTP switched on on the user's row, and
 * every other session of the user ended (one opened before may be a thief's).
 */
public final class ConfirmTotpService implements ConfirmTotpUseCase {
    private final Transactions transactions;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final TotpRepository totp;
    private final TokenGenerator tokens;
    private final SecondFactorCheck check;
    private final TimeSource time;
    private final Audit audit;

    @Inject
    public ConfirmTotpService(Transactions transactions, UserRepository users, SessionRepository sessions,
                              TotpRepository totp, OneTimeCodes codes, SecretSealer sealer, TokenGenerator tokens,
                              LoginThrottle throttle, AccountEvents events, TimeSource time) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.users = Objects.requireNonNull(users, "users");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.totp = Objects.requireNonNull(totp, "totp");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.audit = new Audit(Objects.requireNonNull(events, "events"));
        this.check = new SecondFactorCheck(totp, Objects.requireNonNull(codes, "codes"),
                Objects.requireNonNull(sealer, "sealer"), tokens, Objects.requireNonNull(throttle, "throttle"), audit);
        this.time = Objects.requireNonNull(time, "time");
    }

    @Override
    public List<String> confirmTotp(ConfirmTotpCommand command) {
        Instant now = time.now();
        User user = transactions.readOnly(() -> users.findById(command.userId()))
                .orElseThrow(() -> new NotAuthenticatedException("Login required"));
        List<String> recoveryCodes = check.attempt(user, command.clientAddress(), now, false,
                () -> transactions.inTransaction(() -> {
                    User locked = users.findByIdForUpdate(user.id())
                            .orElseThrow(() -> new NotAuthenticatedException("Login required"));
                    if (locked.secondFactors().totp()) {
                        throw new TotpAlreadyEnabled();
                    }
                    if (totp.find(locked.id()).filter(c -> !c.confirmed()).isEmpty()) {
                        throw new NoPendingTotpEnrolment();
                    }
                    check.useTotpCode(locked.id(), false, command.code(), now);
                    totp.confirm(locked.id());
                    List<String> shown = check.newRecoveryCodes(locked.id());
                    users.update(locked.withSecondFactors(locked.secondFactors().withTotp(true)));
                    sessions.deleteByUserExcept(locked.id(), tokens.digest(command.currentSession().value()));
                    return shown;
                }), () -> new WrongSecondFactorCode("code"));
        audit.record(AccountEvents.Type.MFA_ENABLED, now, user.id(), command.clientAddress());
        return recoveryCodes;
    }
}
