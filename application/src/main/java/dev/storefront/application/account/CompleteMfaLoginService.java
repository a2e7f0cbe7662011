package dev.storefront.application.account;

import dev.storefront.domain.port.in.account.CompleteMfaLoginUseCase;
import dev.storefront.domain.port.in.account.LogInUseCase.LoggedIn;
import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.GuestSessionHandover;
import dev.storefront.domain.port.out.LoginThrottle;
import dev.storefront.domain.port.out.OneTimeCodes;
import dev.storefront.domain.port.out.SecretSealer;
import dev.storefront.domain.port.out.SessionRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.TotpRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.session.Session;
import dev.storefront.domain.session.SessionPolicy;
import dev.storefront.domain.user.InvalidSecondFactorLogin;
import dev.storefront.domain.user.User;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The second step of a login: the live pending session and a TOTP or recovery code, used up in
 * the transaction that ends the pending session and completes the login ({@link LoginCompletion},
 * handing over the guest session the pending one remembers). A wrong code rolls it all back (the
 * pending session may try again) and counts against the login throttle.
 */
public final class CompleteMfaLoginService implements CompleteMfaLoginUseCase {
    private final Transactions transactions;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final TokenGenerator tokens;
    private final SecondFactorCheck check;
    private final LoginCompletion completion;
    private final SessionPolicy policy;
    private final TimeSource time;
    private final Audit audit;

    @Inject
    public CompleteMfaLoginService(Transactions transactions, UserRepository users, SessionRepository sessions,
                                   TotpRepository totp, OneTimeCodes codes, SecretSealer sealer, TokenGenerator tokens,
                                   LoginThrottle throttle, GuestSessionHandover handover, AccountEvents events,
                                   TimeSource time, AccountSettings settings) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.users = Objects.requireNonNull(users, "users");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.audit = new Audit(Objects.requireNonNull(events, "events"));
        this.check = new SecondFactorCheck(Objects.requireNonNull(totp, "totp"), Objects.requireNonNull(codes, "codes"),
                Objects.requireNonNull(sealer, "sealer"), tokens, Objects.requireNonNull(throttle, "throttle"), audit);
        this.policy = settings.sessions();
        this.completion = new LoginCompletion(users, sessions, tokens, Objects.requireNonNull(handover, "handover"),
                policy);
        this.time = Objects.requireNonNull(time, "time");
    }

    @Override
    public LoggedIn completeMfaLogin(CompleteMfaLoginCommand command) {
        Instant now = time.now();
        Session pending = command.pendingSession()
                .flatMap(token -> transactions.readOnly(() -> sessions.findByDigest(tokens.digest(token.value()))))
                .filter(s -> s.pendingSecondFactor() && s.isActiveAt(now, policy))
                .orElseThrow(InvalidSecondFactorLogin::new);
        User user = transactions.readOnly(() -> users.findById(pending.userId()))
                .filter(User::requiresSecondFactor)
                .orElseThrow(InvalidSecondFactorLogin::new);
        LoggedIn loggedIn = check.attempt(user, command.clientAddress(), now, true,
                () -> transactions.inTransaction(() -> {
                    if (!sessions.delete(pending.digest())) {
                        throw new InvalidSecondFactorLogin(); // completed (or ended) meanwhile
                    }
                    if (command.code() != null) {
                        check.useTotpCode(user.id(), true, command.code(), now);
                    } else {
                        check.useRecoveryCode(user.id(), command.recoveryCode());
                    }
                    return completion.completeAfter(user.id(), User::requiresSecondFactor, Optional.empty(),
                            pending.handedOverGuest(), command.userAgent(), now);
                }), InvalidSecondFactorLogin::new);
        audit.record(command.code() != null ? AccountEvents.Type.MFA_TOTP_USED : AccountEvents.Type.MFA_RECOVERY_CODE_USED,
                now, user.id(), command.clientAddress());
        audit.record(AccountEvents.Type.LOGGED_IN, now, user.id(), command.clientAddress());
        return loggedIn;
    }
}
