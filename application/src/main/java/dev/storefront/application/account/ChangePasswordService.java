package dev.storefront.application.account;

import dev.storefront.domain.common.NotAuthenticatedException;
import dev.storefront.domain.port.in.account.ChangePasswordCommand;
import dev.storefront.domain.port.in.account.ChangePasswordUseCase;
import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.LoginThrottle;
import dev.storefront.domain.port.out.PasswordHasher;
import dev.storefront.domain.port.out.PasswordResetTokenRepository;
import dev.storefront.domain.port.out.SessionRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.session.IssuedSession;
import dev.storefront.domain.user.Password;
import dev.storefront.domain.user.PasswordHash;
import dev.storefront.domain.user.PasswordPolicy;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.WrongCurrentPassword;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Objects;

/**
 * Changes the password. Every session of the user ends (a thief's included), outstanding reset
 * tokens die, and the caller continues in a brand-new session.
 */
public final class ChangePasswordService implements ChangePasswordUseCase {
    private final Transactions transactions;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final PasswordResetTokenRepository resetTokens;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final CurrentPasswordCheck passwordCheck;
    private final SessionIssuer issuer;
    private final TimeSource time;
    private final Audit audit;

    @Inject
    public ChangePasswordService(Transactions transactions, UserRepository users, SessionRepository sessions,
                                 PasswordResetTokenRepository resetTokens, PasswordHasher hasher,
                                 PasswordPolicy policy, TokenGenerator tokens, LoginThrottle throttle,
                                 AccountEvents events, TimeSource time, AccountSettings settings) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.users = Objects.requireNonNull(users, "users");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.resetTokens = Objects.requireNonNull(resetTokens, "resetTokens");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.passwordCheck = new CurrentPasswordCheck(hasher, Objects.requireNonNull(throttle, "throttle"));
        this.issuer = new SessionIssuer(sessions, Objects.requireNonNull(tokens, "tokens"), settings.sessions());
        this.time = Objects.requireNonNull(time, "time");
        this.audit = new Audit(Objects.requireNonNull(events, "events"));
    }

    @Override
    public IssuedSession changePassword(ChangePasswordCommand command) {
        Instant now = time.now();
        User user = transactions.readOnly(() -> users.findById(command.userId()))
                .orElseThrow(() -> new NotAuthenticatedException("Login required"));
        Password newPassword = Password.of(command.newPassword());
        policy.require("newPassword", newPassword, user.username(), user.email());
        passwordCheck.require(user, command.currentPassword(), command.clientAddress(), now);
        PasswordHash hash = hasher.hash(newPassword);

        IssuedSession issued = transactions.inTransaction(() -> {
            User current = users.findByIdForUpdate(user.id())
                    .orElseThrow(() -> new NotAuthenticatedException("Login required"));
            if (!current.passwordHash().equals(user.passwordHash())) {
                throw new WrongCurrentPassword();
            }
            users.update(current.withPasswordHash(hash));
            resetTokens.deleteByUser(current.id());
            sessions.deleteByUser(current.id());
            return issuer.issue(current.id(), command.userAgent(), now);
        });
        audit.record(AccountEvents.Type.PASSWORD_CHANGED, now, user.id(), command.clientAddress());
        return issued;
    }
}
