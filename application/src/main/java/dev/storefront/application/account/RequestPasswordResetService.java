package dev.storefront.application.account;

import dev.storefront.domain.port.in.account.RequestPasswordResetUseCase;
import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.LockKey;
import dev.storefront.domain.port.out.Locks;
import dev.storefront.domain.port.out.PasswordResetNotifier;
import dev.storefront.domain.port.out.PasswordResetNotifier.PasswordResetMessage;
import dev.storefront.domain.port.out.PasswordResetTokenRepository;
import dev.storefront.domain.port.out.RateLimiter;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.PasswordResetThrottled;
import dev.storefront.domain.user.User;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Issues a reset token for a known email and hands it to the notifier. Up to
 * {@value #MAX_LIVE_TOKENS} tokens are live for an account at once, so other people's requests
 * cannot kill the link its owner is about to open. For an unknown email it does the same work —
 * the same token generation and hashing, the same repository calls, which store nothing — short of
 * sending, and answers the same. Limited per email to {@value #MAX_PER_EMAIL} within a token's
 * lifetime and per client address, counted alike for known and unknown emails, so no request finds
 * {@value #MAX_LIVE_TOKENS} live tokens; that issuing one more drops the oldest is defence in depth,
 * for when the limiter lost its counts (a restart) or is wired more leniently. A failing notifier is
 * logged, not reported: the answer must not depend on whether the email exists.
 */
public final class RequestPasswordResetService implements RequestPasswordResetUseCase {
    private static final System.Logger LOG = System.getLogger(RequestPasswordResetService.class.getName());
    public static final int MAX_LIVE_TOKENS = 3;
    public static final int MAX_PER_EMAIL = MAX_LIVE_TOKENS;
    public static final int MAX_PER_ADDRESS = 20;
    public static final Duration ADDRESS_WINDOW = Duration.ofHours(1);

    private final Transactions transactions;
    private final Locks locks;
    private final UserRepository users;
    private final PasswordResetTokenRepository resetTokens;
    private final TokenGenerator tokens;
    private final PasswordResetNotifier notifier;
    private final RateLimiter limiter;
    private final TimeSource time;
    private final Duration lifetime;
    private final Audit audit;

    @Inject
    public RequestPasswordResetService(Transactions transactions, Locks locks, UserRepository users,
                                       PasswordResetTokenRepository resetTokens, TokenGenerator tokens,
                                       PasswordResetNotifier notifier, RateLimiter limiter, AccountEvents events,
                                       TimeSource time, AccountSettings settings) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.users = Objects.requireNonNull(users, "users");
        this.resetTokens = Objects.requireNonNull(resetTokens, "resetTokens");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.time = Objects.requireNonNull(time, "time");
        this.lifetime = settings.resetTokenLifetime();
        this.audit = new Audit(Objects.requireNonNull(events, "events"));
    }

    @Override
    public void requestPasswordReset(RequestPasswordResetCommand command) {
        Violations violations = new Violations();
        Email email = violations.parse("email", command.email(), Email::new);
        violations.throwIfAny();

        Instant now = time.now();
        String address = command.clientAddress() == null ? "local" : command.clientAddress();
        Optional<Duration> wait = limiter.tryAcquire("reset-address:" + address, MAX_PER_ADDRESS, ADDRESS_WINDOW, now)
                .or(() -> limiter.tryAcquire("reset-email:" + email.value(), MAX_PER_EMAIL, lifetime, now));
        if (wait.isPresent()) {
            throw new PasswordResetThrottled(wait.get());
        }

        String secret = tokens.newSecret();
        TokenDigest digest = tokens.digest(secret);
        Instant expiresAt = now.plus(lifetime);
        Optional<User> user = transactions.inTransaction(() -> {
            // Per email, known or not (the same work): concurrent requests cannot leave more than
            // MAX_LIVE_TOKENS live tokens.
            locks.lock(LockKey.passwordResets(email));
            Optional<User> found = users.findByEmail(email);
            resetTokens.issue(email, digest, now, expiresAt, MAX_LIVE_TOKENS); // called alike for an unknown email
            return found;
        });
        if (user.isPresent()) {
            try {
                notifier.sendPasswordReset(new PasswordResetMessage(user.get().email(), user.get().username(),
                        secret, expiresAt));
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "sending a password reset to user " + user.get().id() + " failed", e);
            }
        }
        audit.record(AccountEvents.Type.PASSWORD_RESET_REQUESTED, now, user.map(User::id).orElse(null),
                command.clientAddress());
    }
}
