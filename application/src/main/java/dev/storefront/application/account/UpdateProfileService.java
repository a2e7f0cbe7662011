package dev.storefront.application.account;

import dev.storefront.domain.common.NotAuthenticatedException;
import dev.storefront.domain.port.in.account.UpdateProfileCommand;
import dev.storefront.domain.port.in.account.UpdateProfileUseCase;
import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.AccountMailer;
import dev.storefront.domain.port.out.EmailVerificationTokenRepository;
import dev.storefront.domain.port.out.LoginThrottle;
import dev.storefront.domain.port.out.PasswordHasher;
import dev.storefront.domain.port.out.RateLimiter;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.TokenGenerator;
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
import java.util.Optional;

/**
 * Changes username and/or email after checking the current password. A new username applies at
 * once; a new email does not: it becomes the pending email, a verification token goes to it and a
 * notice without a token to the current address, which stays the account's (login, resets) until
 * the token is confirmed ({@link ConfirmEmailVerificationService}). An email that is another
 * account's is refused at once (409). Asking for the current email withdraws a pending change (its
 * token dies). The password is checked before anything
 * is looked up, and an account may then try {@value #MAX_PER_HOUR} changes an hour: each answer
 * says whether a name or email is taken, so an account of one's own must not be a fast way to
 * probe which emails are registered.
 */
public final class UpdateProfileService implements UpdateProfileUseCase {
    public static final int MAX_PER_HOUR = 10;
    private static final Duration WINDOW = Duration.ofHours(1);
    private final Transactions transactions;
    private final UserRepository users;
    private final CurrentPasswordCheck passwordCheck;
    private final TimeSource time;
    private final RateLimiter limiter;
    private final Audit audit;
    private final EmailVerificationTokenRepository verificationTokens;
    private final EmailVerifications verifications;

    @Inject
    public UpdateProfileService(Transactions transactions, UserRepository users,
                                EmailVerificationTokenRepository verificationTokens, TokenGenerator tokens,
                                AccountMailer mailer, PasswordHasher hasher,
                                LoginThrottle throttle, AccountEvents events, TimeSource time, RateLimiter limiter) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.users = Objects.requireNonNull(users, "users");
        this.verificationTokens = Objects.requireNonNull(verificationTokens, "verificationTokens");
        this.passwordCheck = new CurrentPasswordCheck(Objects.requireNonNull(hasher, "hasher"),
                Objects.requireNonNull(throttle, "throttle"));
        this.time = Objects.requireNonNull(time, "time");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.audit = new Audit(Objects.requireNonNull(events, "events"));
        this.verifications = new EmailVerifications(verificationTokens, Objects.requireNonNull(tokens, "tokens"),
                Objects.requireNonNull(mailer, "mailer"), audit);
    }

    /** The committed user, and the verification to mail when a change was asked for. */
    private record Updated(User user, Optional<EmailVerifications.Issued> verification) {}

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

        Updated updated = transactions.inTransaction(() -> {
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
            Optional<EmailVerifications.Issued> verification = Optional.empty();
            if (email != null && email.equals(current.email())) {
                if (current.pendingEmailChange().isPresent()) {
                    changed = changed.withPendingEmail(null);
                    verificationTokens.deleteAllOf(current.id()); // the live token was the pending address's
                }
            } else if (email != null) {
                changed = changed.withPendingEmail(email);
                verification = Optional.of(verifications.issue(changed, email, now));
            }
            if (!changed.equals(current)) {
                users.update(changed);
            }
            return new Updated(changed, verification);
        });
        audit.record(AccountEvents.Type.PROFILE_UPDATED, now, user.id(), command.clientAddress());
        updated.verification().ifPresent(verification -> {
            audit.record(AccountEvents.Type.EMAIL_CHANGE_REQUESTED, now, user.id(), command.clientAddress());
            verifications.send(verification, now, command.clientAddress());
            verifications.sendChangeNotice(updated.user(), verification.message().to());
        });
        return updated.user();
    }
}
