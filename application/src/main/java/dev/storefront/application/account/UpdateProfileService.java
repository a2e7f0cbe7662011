package dev.storefront.application.account;

import dev.storefront.domain.common.NotAuthenticatedException;
import dev.storefront.domain.port.in.account.UpdateProfileCommand;
import dev.storefront.domain.port.in.account.UpdateProfileUseCase;
import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.LoginThrottle;
import dev.storefront.domain.port.out.PasswordHasher;
import dev.storefront.domain.port.out.PasswordResetTokenRepository;
import dev.storefront.domain.port.out.RateLimiter;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.ProfileUpdateThrottled;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.Username;
import dev.storefront.domain.user.UsernameOrEmailTaken;
import dev.storefront.domain.user.WrongCurrentPassword;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Changes username and/or email after checking the current password. A new email also ends any
 * outstanding reset (its token went to the old address). The password is checked before anything
 * is looked up, and an account may then try {@value #MAX_PER_HOUR} changes an hour: each answer
 * says whether a name or email is taken, so an account of one's own must not be a fast way to
 * probe which emails are registered.
 */
public final class UpdateProfileService implements UpdateProfileUseCase {
    public static final int MAX_PER_HOUR = 10;
    private static final Duration WINDOW = Duration.ofHours(1);
    private final Transactions transactions;
    private final UserRepository users;
    private final PasswordResetTokenRepository resetTokens;
    private final CurrentPasswordCheck passwordCheck;
    private final TimeSource time;
    private final RateLimiter limiter;
    private final Audit audit;

    @Inject
    public UpdateProfileService(Transactions transactions, UserRepository users,
                                PasswordResetTokenRepository resetTokens, PasswordHasher hasher,
                                LoginThrottle throttle, AccountEvents events, TimeSource time, RateLimiter limiter) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.users = Objects.requireNonNull(users, "users");
        this.resetTokens = Objects.requireNonNull(resetTokens, "resetTokens");
        this.passwordCheck = new CurrentPasswordCheck(Objects.requireNonNull(hasher, "hasher"),
                Objects.requireNonNull(throttle, "throttle"));
        this.time = Objects.requireNonNull(time, "time");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.audit = new Audit(Objects.requireNonNull(events, "events"));
    }

    @Override
    public User updateProfile(UpdateProfileCommand command) {
        Violations violations = new Violations();
        Username username = command.username().map(raw -> violations.parse("username", raw, Username::new)).orElse(null);
        Email email = command.email().map(raw -> violations.parse("email", raw, Email::new)).orElse(null);
        violations.throwIfAny();

        Instant now = time.now();
        User user = transactions.readOnly(() -> users.findById(command.userId()))
                .orElseThrow(() -> new NotAuthenticatedException("Login required"));
        passwordCheck.require(user, command.currentPassword(), command.clientAddress(), now);
        limiter.tryAcquire("profile-user:" + user.id().value(), MAX_PER_HOUR, WINDOW, now).ifPresent(wait -> {
            throw new ProfileUpdateThrottled(wait);
        });

        User updated = transactions.inTransaction(() -> {
            User current = users.findByIdForUpdate(user.id())
                    .orElseThrow(() -> new NotAuthenticatedException("Login required"));
            if (!current.passwordHash().equals(user.passwordHash())) {
                throw new WrongCurrentPassword(); // the password changed while we checked the old one
            }
            boolean usernameTaken = username != null && users.findByUsername(username)
                    .filter(other -> !other.id().equals(current.id())).isPresent();
            boolean emailTaken = email != null && users.findByEmail(email)
                    .filter(other -> !other.id().equals(current.id())).isPresent();
            if (usernameTaken || emailTaken) {
                throw new UsernameOrEmailTaken(usernameTaken, emailTaken);
            }
            User changed = current;
            if (username != null) {
                changed = changed.withUsername(username);
            }
            if (email != null && !email.equals(current.email())) {
                changed = changed.withEmail(email);
                resetTokens.deleteByUser(current.id());
            }
            if (!changed.equals(current)) {
                users.update(changed);
            }
            return changed;
        });
        audit.record(AccountEvents.Type.PROFILE_UPDATED, now, user.id(), command.clientAddress());
        return updated;
    }
}
