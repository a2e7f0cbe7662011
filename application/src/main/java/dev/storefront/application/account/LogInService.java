package dev.storefront.application.account;

import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.port.in.account.LogInCommand;
import dev.storefront.domain.port.in.account.LogInUseCase;
import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.GuestSessionHandover;
import dev.storefront.domain.port.out.LoginThrottle;
import dev.storefront.domain.port.out.PasswordHasher;
import dev.storefront.domain.port.out.SessionRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.session.Session;
import dev.storefront.domain.session.SessionPolicy;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.InvalidCredentials;
import dev.storefront.domain.user.LoginThrottled;
import dev.storefront.domain.user.Password;
import dev.storefront.domain.user.PasswordHash;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.Username;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Login by username or email. Both paths (unknown login, wrong password) run exactly one password
 * verification and end in the same {@link InvalidCredentials}; while throttled, no verification
 * runs at all and the answer is the same whatever the password. The hash is upgraded when it was
 * made with weaker settings. The client's previous session ends (fixation), a guest's after its
 * handover. For a user with a second factor the answer is a pending session instead, completed by
 * {@link CompleteMfaLoginService}.
 */
public final class LogInService implements LogInUseCase {
    private final Transactions transactions;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final TimeSource time;
    private final LoginCompletion completion;
    private final SessionRepository sessions;
    private final TokenGenerator tokens;
    private final SessionIssuer issuer;
    private final SessionPolicy policy;
    private final Audit audit;

    @Inject
    public LogInService(Transactions transactions, UserRepository users, SessionRepository sessions,
                        PasswordHasher hasher, TokenGenerator tokens, LoginThrottle throttle,
                        GuestSessionHandover handover, AccountEvents events, TimeSource time,
                        AccountSettings settings) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.time = Objects.requireNonNull(time, "time");
        this.completion = new LoginCompletion(users, Objects.requireNonNull(sessions, "sessions"),
                Objects.requireNonNull(tokens, "tokens"), Objects.requireNonNull(handover, "handover"),
                settings.sessions());
        this.sessions = sessions;
        this.tokens = tokens;
        this.policy = settings.sessions();
        this.issuer = new SessionIssuer(sessions, tokens, policy);
        this.audit = new Audit(Objects.requireNonNull(events, "events"));
    }

    /** The throttle's key for a known user: the same whichever name they log in with. */
    static String accountKey(User user) {
        return "user:" + user.id();
    }

    @Override
    public LoggedIn logIn(LogInCommand command) {
        Instant now = time.now();
        String address = command.clientAddress() == null ? "local" : command.clientAddress();
        String login = command.login().strip();
        if (login.length() > Email.MAX_LENGTH) {
            // No username or email is this long; refusing it also bounds the throttle's keys.
            throw new InvalidInputException("login", "must be at most " + Email.MAX_LENGTH + " characters");
        }
        Optional<User> found = transactions.readOnly(() -> find(login));
        String account = found.map(LogInService::accountKey).orElse("login:" + login.toLowerCase(Locale.ROOT));

        Optional<Duration> wait = throttle.begin(account, address, now);
        if (wait.isPresent()) {
            audit.record(AccountEvents.Type.LOGIN_THROTTLED, now, found.map(User::id).orElse(null), command.clientAddress());
            throw new LoginThrottled(wait.get());
        }

        Password password;
        boolean matches;
        try {
            password = Password.of(command.password());
            // Exactly one verification on either path: an unknown login costs what a wrong password costs.
            PasswordHash against = found.map(User::passwordHash).orElseGet(hasher::dummyHash);
            matches = hasher.verify(password, against) && found.isPresent();
        } catch (RuntimeException | Error e) {
            throttle.release(account, address);
            throw e;
        }
        if (!matches) {
            throttle.recordFailure(account, address, now);
            audit.record(AccountEvents.Type.LOGIN_FAILED, now, found.map(User::id).orElse(null), command.clientAddress());
            throw new InvalidCredentials();
        }
        User user = found.get();
        if (user.requiresSecondFactor()) {
            // The password alone completes nothing: the address's count is reset by the second step
            // (else each correct password would buy five more code guesses).
            throttle.release(account, address);
        } else {
            throttle.recordSuccess(account, address, now);
        }
        Optional<PasswordHash> upgraded = hasher.needsRehash(user.passwordHash())
                ? Optional.of(hasher.hash(password)) : Optional.empty();

        // Else start over: the password changed, or a second factor was switched on or off while bcrypt ran.
        Predicate<User> unchanged = current -> current.passwordHash().equals(user.passwordHash())
                && current.requiresSecondFactor() == user.requiresSecondFactor();
        LoggedIn loggedIn = transactions.inTransaction(() -> user.requiresSecondFactor()
                ? awaitSecondFactor(user, unchanged, upgraded, command, now)
                : completion.complete(user.id(), unchanged, upgraded, command.previousSession(), command.userAgent(), now));
        if (!loggedIn.session().session().pendingSecondFactor()) {
            audit.record(AccountEvents.Type.LOGGED_IN, now, user.id(), command.clientAddress());
        }
        return loggedIn;
    }

    /**
     * Must run in a write transaction. The password was right, the second factor is owed: a
     * pending session that remembers the client's guest session (kept alive, with its cart, for
     * the completed login to take over); any other session the client held ends, as at a login.
     */
    private LoggedIn awaitSecondFactor(User user, Predicate<User> unchanged, Optional<PasswordHash> upgraded,
                                       LogInCommand command, Instant now) {
        User current = users.findByIdForUpdate(user.id()).filter(unchanged).orElseThrow(InvalidCredentials::new);
        if (upgraded.isPresent()) {
            current = current.withPasswordHash(upgraded.get());
            users.update(current);
        }
        Optional<Session> previous = command.previousSession()
                .flatMap(token -> sessions.findByDigest(tokens.digest(token.value())))
                .filter(session -> session.isActiveAt(now, policy));
        TokenDigest guest = previous.flatMap(session -> session.isGuest() ? Optional.of(session.digest())
                : session.handedOverGuest()).orElse(null);
        previous.filter(session -> !session.isGuest()).ifPresent(session -> sessions.delete(session.digest()));
        return new LoggedIn(current, issuer.issuePending(current.id(), command.userAgent(), now, guest));
    }

    private Optional<User> find(String login) {
        if (login.indexOf('@') >= 0) {
            return Email.isValid(login) ? users.findByEmail(new Email(login)) : Optional.empty();
        }
        return Username.isValid(login) ? users.findByUsername(new Username(login)) : Optional.empty();
    }
}
