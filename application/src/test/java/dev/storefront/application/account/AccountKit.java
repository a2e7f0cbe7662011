package dev.storefront.application.account;

import dev.storefront.domain.port.in.account.LogInCommand;
import dev.storefront.domain.port.in.account.LogInUseCase.LoggedIn;
import dev.storefront.domain.port.in.account.RegisterUserCommand;
import dev.storefront.domain.port.in.account.ResolveSessionUseCase.ResolvedSession;
import dev.storefront.domain.port.in.account.ResolveSessionUseCase.SessionQuery;
import dev.storefront.domain.port.out.OrderStatistics;
import dev.storefront.domain.session.SessionPolicy;
import dev.storefront.domain.session.SessionToken;
import dev.storefront.domain.user.CommonPasswords;
import dev.storefront.domain.user.PasswordPolicy;
import dev.storefront.domain.user.User;
import dev.storefront.inmemory.InMemoryAccountEvents;
import dev.storefront.inmemory.InMemoryAccountMailer;
import dev.storefront.inmemory.InMemoryCartStatistics;
import dev.storefront.inmemory.InMemoryEmailVerificationTokenRepository;
import dev.storefront.inmemory.InMemoryLocks;
import dev.storefront.inmemory.InMemoryLoginThrottle;
import dev.storefront.inmemory.InMemoryOrderStatistics;
import dev.storefront.inmemory.InMemoryPasswordHasher;
import dev.storefront.inmemory.InMemoryPasswordResetNotifier;
import dev.storefront.inmemory.InMemoryPasswordResetTokenRepository;
import dev.storefront.inmemory.InMemoryRateLimiter;
import dev.storefront.inmemory.InMemorySessionRepository;
import dev.storefront.inmemory.InMemoryTokenGenerator;
import dev.storefront.inmemory.InMemoryTransactions;
import dev.storefront.inmemory.InMemoryUserRepository;
import dev.storefront.inmemory.ManualTimeSource;
import dev.storefront.inmemory.RecordingGuestSessionHandover;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** Every account service wired on the in-memory fakes, as an embedder's unit test would. */
final class AccountKit {
    static final String PASSWORD = "correct horse battery";

    final InMemoryTransactions transactions = new InMemoryTransactions();
    final InMemoryLocks locks = new InMemoryLocks(transactions);
    final InMemoryUserRepository users = new InMemoryUserRepository(transactions);
    final InMemorySessionRepository sessions = new InMemorySessionRepository(transactions, users);
    final InMemoryPasswordResetTokenRepository resetTokens = new InMemoryPasswordResetTokenRepository(transactions,
            users);
    final InMemoryEmailVerificationTokenRepository verificationTokens =
            new InMemoryEmailVerificationTokenRepository(transactions);
    final InMemoryAccountMailer mailer = new InMemoryAccountMailer();
    final InMemoryPasswordHasher hasher = new InMemoryPasswordHasher(12);
    final InMemoryTokenGenerator tokens = new InMemoryTokenGenerator();
    final InMemoryPasswordResetNotifier notifier = new InMemoryPasswordResetNotifier();
    final InMemoryAccountEvents events = new InMemoryAccountEvents();
    final InMemoryLoginThrottle throttle = new InMemoryLoginThrottle();
    final InMemoryRateLimiter limiter = new InMemoryRateLimiter();
    final InMemoryOrderStatistics orders = new InMemoryOrderStatistics(Currency.getInstance("USD"));
    final InMemoryCartStatistics carts = new InMemoryCartStatistics();
    final RecordingGuestSessionHandover handover = new RecordingGuestSessionHandover();
    final ManualTimeSource time = new ManualTimeSource();
    final PasswordPolicy policy = new PasswordPolicy(CommonPasswords.of(List.of("password1", "qwertyuiop")));
    final AccountSettings settings = new AccountSettings(
            new SessionPolicy(Duration.ofMinutes(30), Duration.ofDays(7)), Duration.ofMinutes(30));

    final RegisterUserService register = new RegisterUserService(transactions, users, hasher, policy, time, events,
            limiter, SignUpLimits.defaults(), verificationTokens, tokens, mailer);
    final LogInService logIn = new LogInService(transactions, users, sessions, hasher, tokens, throttle, handover,
            events, time, settings);
    final LogOutService logOut = new LogOutService(transactions, sessions, tokens, events, time);
    final ResolveSessionService resolve = new ResolveSessionService(transactions, sessions, tokens, time, settings);
    final StartGuestSessionService startGuest = new StartGuestSessionService(transactions, sessions, tokens, time,
            settings, limiter, SignUpLimits.defaults());
    final GetCurrentUserService currentUser = new GetCurrentUserService(transactions, users);
    final GetDashboardService dashboard = new GetDashboardService(transactions, users, orders, carts);
    final UpdateProfileService updateProfile = new UpdateProfileService(transactions, users, verificationTokens,
            tokens, mailer, hasher, throttle, events, time, limiter);
    final ChangePasswordService changePassword = new ChangePasswordService(transactions, users, sessions, resetTokens,
            hasher, policy, tokens, throttle, events, time, settings);
    final RequestPasswordResetService requestReset = new RequestPasswordResetService(transactions, locks, users, resetTokens,
            tokens, notifier, limiter, events, time, settings);
    final ConfirmPasswordResetService confirmReset = new ConfirmPasswordResetService(transactions, users, sessions,
            resetTokens, hasher, policy, tokens, events, time);
    final ListSessionsService listSessions = new ListSessionsService(transactions, sessions, tokens, time, settings);
    final RevokeSessionService revokeSession = new RevokeSessionService(transactions, sessions, events, time);
    final RevokeOtherSessionsService revokeOthers = new RevokeOtherSessionsService(transactions, sessions, tokens,
            events, time);
    final GrantAdminService grantAdmin = new GrantAdminService(transactions, users, events, time);
    final SweepExpiredSessionsService sweep = new SweepExpiredSessionsService(transactions, sessions, resetTokens,
            verificationTokens, time, settings);
    final RequestEmailVerificationService requestVerification = new RequestEmailVerificationService(transactions,
            users, verificationTokens, tokens, mailer, limiter, events, time);
    final ConfirmEmailVerificationService confirmVerification = new ConfirmEmailVerificationService(transactions,
            users, verificationTokens, resetTokens, tokens, events, time);

    User registered(String name) {
        return register.register(new RegisterUserCommand(name, name + "@example.com", PASSWORD, "10.0.0.1"));
    }

    LoggedIn login(String login, String password) {
        return logIn.logIn(new LogInCommand(login, password, "10.0.0.1", "JUnit", Optional.empty()));
    }

    LoggedIn loginFrom(String clientAddress, String login, String password) {
        return logIn.logIn(new LogInCommand(login, password, clientAddress, "JUnit", Optional.empty()));
    }

    LoggedIn login(String login, String password, SessionToken previous) {
        return logIn.logIn(new LogInCommand(login, password, "10.0.0.1", "JUnit", Optional.of(previous)));
    }

    Optional<ResolvedSession> resolve(SessionToken token) {
        return resolve.resolveSession(new SessionQuery(token));
    }

    static OrderStatistics.OrderStats noOrders() {
        return new OrderStatistics.OrderStats(0, dev.storefront.domain.money.Money.zero(Currency.getInstance("USD")),
                List.of());
    }
}
