package dev.storefront.application.account;

import dev.storefront.domain.port.in.account.RegisterUserCommand;
import dev.storefront.domain.port.in.account.RegisterUserUseCase;
import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.AccountMailer;
import dev.storefront.domain.port.out.EmailVerificationTokenRepository;
import dev.storefront.domain.port.out.PasswordHasher;
import dev.storefront.domain.port.out.RateLimiter;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.NewUser;
import dev.storefront.domain.user.Password;
import dev.storefront.domain.user.PasswordHash;
import dev.storefront.domain.user.PasswordPolicy;
import dev.storefront.domain.user.RegistrationThrottled;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.Username;
import dev.storefront.domain.user.UsernameOrEmailTaken;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Objects;

/**
 * Registers a customer. Limited per client address ({@link SignUpLimits#registrationsPerHour()}),
 * counted before anything is looked up: each attempt with valid input costs one, so the limit also
 * bounds probing which names and emails are taken (the 409). The new account's address gets a
 * verification mail, after commit.
 */
public final class RegisterUserService implements RegisterUserUseCase {
    private final Transactions transactions;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final TimeSource time;
    private final RateLimiter limiter;
    private final int perHour;
    private final Audit audit;
    private final EmailVerifications verifications;

    @Inject
    public RegisterUserService(Transactions transactions, UserRepository users, PasswordHasher hasher,
                               PasswordPolicy policy, TimeSource time, AccountEvents events, RateLimiter limiter,
                               SignUpLimits limits, EmailVerificationTokenRepository verificationTokens,
                               TokenGenerator tokens, AccountMailer mailer) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.time = Objects.requireNonNull(time, "time");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.perHour = limits.registrationsPerHour();
        this.audit = new Audit(Objects.requireNonNull(events, "events"));
        this.verifications = new EmailVerifications(Objects.requireNonNull(verificationTokens, "verificationTokens"),
                Objects.requireNonNull(tokens, "tokens"), Objects.requireNonNull(mailer, "mailer"), audit);
    }

    @Override
    public User register(RegisterUserCommand command) {
        Violations violations = new Violations();
        Username username = violations.parse("username", command.username(), Username::new);
        Email email = violations.parse("email", command.email(), Email::new);
        if (violations.require("password", command.password())) {
            violations.addAll(policy.violations("password", Password.of(command.password()), username, email));
        }
        violations.throwIfAny();
        if (command.clientAddress() != null) {
            limiter.tryAcquire("register-address:" + command.clientAddress(), perHour, SignUpLimits.WINDOW, time.now())
                    .ifPresent(wait -> {
                        throw new RegistrationThrottled(wait);
                    });
        }

        // A cheap check first, so a taken name does not cost a hash; repeated under the write lock.
        transactions.readOnly(() -> requireAvailable(username, email));
        PasswordHash hash = hasher.hash(Password.of(command.password()));
        Instant now = time.now();
        EmailVerifications.Issued issued = transactions.inTransaction(() -> {
            requireAvailable(username, email);
            User added = users.add(NewUser.customer(username, email, hash, now));
            return verifications.issue(added, added.email(), now);
        });
        User user = issued.user();
        audit.record(AccountEvents.Type.REGISTERED, now, user.id(), command.clientAddress());
        verifications.send(issued, now, command.clientAddress());
        return user;
    }

    private Void requireAvailable(Username username, Email email) {
        boolean usernameTaken = users.findByUsername(username).isPresent();
        boolean emailTaken = users.findByEmail(email).isPresent();
        if (usernameTaken || emailTaken) {
            throw new UsernameOrEmailTaken(usernameTaken, emailTaken);
        }
        return null;
    }
}
