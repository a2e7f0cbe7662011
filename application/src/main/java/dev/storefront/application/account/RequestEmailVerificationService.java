package dev.storefront.application.account;

import dev.storefront.domain.common.NotAuthenticatedException;
import dev.storefront.domain.port.in.account.RequestEmailVerificationUseCase;
import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.AccountMailer;
import dev.storefront.domain.port.out.EmailVerificationTokenRepository;
import dev.storefront.domain.port.out.RateLimiter;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.EmailVerificationThrottled;
import dev.storefront.domain.user.EmailVerificationToken;
import dev.storefront.domain.user.NothingToVerify;
import dev.storefront.domain.user.User;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Mails a new verification token to the pending address, or to the current one while it is
 * unverified; the older token dies. At most {@value #MAX_PER_HOUR} requests an hour per account
 * (each one sends a mail to an address the caller chose).
 */
public final class RequestEmailVerificationService implements RequestEmailVerificationUseCase {
    public static final int MAX_PER_HOUR = 5;
    private static final Duration WINDOW = Duration.ofHours(1);

    private final Transactions transactions;
    private final UserRepository users;
    private final RateLimiter limiter;
    private final TimeSource time;
    private final EmailVerifications verifications;

    @Inject
    public RequestEmailVerificationService(Transactions transactions, UserRepository users,
                                           EmailVerificationTokenRepository verificationTokens, TokenGenerator tokens,
                                           AccountMailer mailer, RateLimiter limiter, AccountEvents events,
                                           TimeSource time) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.users = Objects.requireNonNull(users, "users");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.time = Objects.requireNonNull(time, "time");
        this.verifications = new EmailVerifications(Objects.requireNonNull(verificationTokens, "verificationTokens"),
                Objects.requireNonNull(tokens, "tokens"), Objects.requireNonNull(mailer, "mailer"),
                new Audit(Objects.requireNonNull(events, "events")));
    }

    @Override
    public void requestEmailVerification(RequestEmailVerificationCommand command) {
        User user = transactions.readOnly(() -> users.findById(command.userId()))
                .orElseThrow(() -> new NotAuthenticatedException("Login required"));
        EmailVerificationToken.addressToVerify(user).orElseThrow(NothingToVerify::new);
        Instant now = time.now();
        limiter.tryAcquire("email-verification-user:" + user.id().value(), MAX_PER_HOUR, WINDOW, now)
                .ifPresent(wait -> {
                    throw new EmailVerificationThrottled(wait);
                });
        EmailVerifications.Issued issued = transactions.inTransaction(() -> {
            // Again under the row lock: a confirmation or a change may have committed meanwhile.
            User current = users.findByIdForUpdate(user.id())
                    .orElseThrow(() -> new NotAuthenticatedException("Login required"));
            Email address = EmailVerificationToken.addressToVerify(current).orElseThrow(NothingToVerify::new);
            return verifications.issue(current, address, now);
        });
        verifications.send(issued, now, command.clientAddress());
    }
}
