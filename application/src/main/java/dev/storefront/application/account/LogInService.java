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
import dev.storefront.domain.session.IssuedSession;
import dev.storefront.domain.session.Session;
import dev.storefront.domain.session.SessionPolicy;
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

/**
 * Login by username or email. Both paths (unknown login, wrong password) run exactly one password
 * verification and end in the same {@link InvalidCredentials}; while throttled, no verification
 * runs at all and the answer is the same whatever the password. The hash is upgraded when it was
 * made with weaker settings. The client's previous session ends (fixation), a guest's after its
 * handover.
 */
public final class LogInService implements LogInUseCase {
    private final Transactions transactions;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final PasswordHasher hasher;
    private final TokenGenerator tokens;
    private final LoginThrottle throttle;
    private final GuestSessionHandover handover;
    private final TimeSource time;
    private final SessionPolicy policy;
    private final SessionIssuer issuer;
    private final Audit audit;

    @Inject
    public LogInService(Transactions transactions, UserRepository users, SessionRepository sessions,
                        PasswordHasher hasher, TokenGenerator tokens, LoginThrottle throttle,
                        GuestSessionHandover handover, AccountEvents events, TimeSource time,
                        AccountSettings settings) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.users = Objects.requireNonNull(users, "users");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.handover = Objects.requireNonNull(handover, "handover");
        this.time = Objects.requireNonNull(time, "time");
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
        throttle.recordSuccess(account, address, now);
        Optional<PasswordHash> upgraded = hasher.needsRehash(user.passwordHash())
                ? Optional.of(hasher.hash(password)) : Optional.empty();

        LoggedIn loggedIn = transactions.inTransaction(() -> {
            User current = users.findByIdForUpdate(user.id()) // written back whole below
                    .filter(u -> u.passwordHash().equals(user.passwordHash())) // changed meanwhile: start over
                    .orElseThrow(InvalidCredentials::new);
            User updated = current.loggedInAt(now);
            if (upgraded.isPresent()) {
                updated = updated.withPasswordHash(upgraded.get());
            }
            users.update(updated);
            Optional<Session> previous = command.previousSession()
                    .flatMap(token -> sessions.findByDigest(tokens.digest(token.value())));
            IssuedSession issued = issuer.issue(user.id(), command.userAgent(), now);
            if (previous.isPresent()) {
                Session old = previous.get();
                if (old.isGuest() && old.isActiveAt(now, policy)) {
                    handover.guestLoggedIn(old.handle(), issued.session().handle(), user.id());
                }
                sessions.delete(old.digest());
            }
            return new LoggedIn(updated, issued);
        });
        audit.record(AccountEvents.Type.LOGGED_IN, now, user.id(), command.clientAddress());
        return loggedIn;
    }

    private Optional<User> find(String login) {
        if (login.indexOf('@') >= 0) {
            return Email.isValid(login) ? users.findByEmail(new Email(login)) : Optional.empty();
        }
        return Username.isValid(login) ? users.findByUsername(new Username(login)) : Optional.empty();
    }
}
