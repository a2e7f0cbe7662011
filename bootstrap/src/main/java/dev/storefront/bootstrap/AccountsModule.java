package dev.storefront.bootstrap;

import dev.storefront.application.account.AccountSettings;
import dev.storefront.application.account.ChangePasswordService;
import dev.storefront.application.account.ConfirmEmailVerificationService;
import dev.storefront.application.account.ConfirmPasswordResetService;
import dev.storefront.application.account.DeletePasskeyService;
import dev.storefront.application.account.GetCurrentUserService;
import dev.storefront.application.account.GetDashboardService;
import dev.storefront.application.account.GrantAdminService;
import dev.storefront.application.account.ListPasskeysService;
import dev.storefront.application.account.ListSessionsService;
import dev.storefront.application.account.LogInService;
import dev.storefront.application.account.LogInWithPasskeyService;
import dev.storefront.application.account.LogOutService;
import dev.storefront.application.account.RegisterPasskeyService;
import dev.storefront.application.account.RegisterUserService;
import dev.storefront.application.account.RequestEmailVerificationService;
import dev.storefront.application.account.RequestPasswordResetService;
import dev.storefront.application.account.ResolveSessionService;
import dev.storefront.application.account.RevokeOtherSessionsService;
import dev.storefront.application.account.RevokeSessionService;
import dev.storefront.application.account.SignUpLimits;
import dev.storefront.application.account.StartGuestSessionService;
import dev.storefront.application.account.StartPasskeyLoginService;
import dev.storefront.application.account.StartPasskeyRegistrationService;
import dev.storefront.application.account.SweepExpiredSessionsService;
import dev.storefront.application.account.UpdateProfileService;
import dev.storefront.domain.passkey.RelyingParty;
import dev.storefront.application.account.CompleteMfaLoginService;
import dev.storefront.application.account.ConfirmTotpService;
import dev.storefront.application.account.DisableMfaService;
import dev.storefront.application.account.EnrolTotpService;
import dev.storefront.application.account.RegenerateRecoveryCodesService;
import dev.storefront.domain.port.out.OneTimeCodes;
import dev.storefront.domain.port.out.SecretSealer;
import dev.storefront.domain.port.out.TotpRepository;
import dev.storefront.http.account.SecondFactorRoutes;
import dev.storefront.persistence.jdbi.JdbiStoreSettings;
import dev.storefront.persistence.jdbi.JdbiTotpRepository;
import dev.storefront.security.AesGcmSecretSealer;
import dev.storefront.security.HmacOneTimeCodes;
import java.util.Base64;
import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.CartStatistics;
import dev.storefront.domain.port.out.EmailVerificationTokenRepository;
import dev.storefront.domain.port.out.GuestSessionHandover;
import dev.storefront.domain.port.out.LoginThrottle;
import dev.storefront.domain.port.out.OrderStatistics;
import dev.storefront.domain.port.out.PasskeyRepository;
import dev.storefront.domain.port.out.PasswordHasher;
import dev.storefront.domain.port.out.PasswordResetTokenRepository;
import dev.storefront.domain.port.out.RateLimiter;
import dev.storefront.domain.port.out.SessionRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.session.SessionPolicy;
import dev.storefront.domain.user.PasswordPolicy;
import dev.storefront.http.account.AccountRoutes;
import dev.storefront.http.account.PasskeyRoutes;
import dev.storefront.http.account.EmailVerificationRoutes;
import dev.storefront.persistence.jdbi.Database;
import dev.storefront.persistence.jdbi.JdbiEmailVerificationTokenRepository;
import dev.storefront.persistence.jdbi.JdbiLoginThrottle;
import dev.storefront.persistence.jdbi.JdbiOrderStatistics;
import dev.storefront.persistence.jdbi.JdbiPasskeyChallengeRepository;
import dev.storefront.persistence.jdbi.JdbiPasskeyRepository;
import dev.storefront.persistence.jdbi.JdbiPasswordResetTokenRepository;
import dev.storefront.persistence.jdbi.JdbiRateLimiter;
import dev.storefront.persistence.jdbi.JdbiSessionRepository;
import dev.storefront.persistence.jdbi.JdbiUserRepository;
import dev.storefront.persistence.jdbi.SessionCache;
import dev.storefront.security.BcryptPasswordHasher;
import dev.storefront.security.SecureTokenGenerator;
import dev.storefront.security.WebAuthnPasskeyVerifier;
import java.net.URI;
import java.time.Instant;
import java.util.Deque;
import java.util.Locale;

/** The account use cases, wired on the JDBI adapters and the builder's choices of the other ports. */
final class AccountsModule {
    final AccountUseCases useCases;
    final PasskeyRoutes.UseCases passkeyRoutes;
    /** The users, for the other modules' checks (checkout's REQUIRE_VERIFIED_EMAIL). */
    final UserRepository users;
    /** Deletes the login throttle's and the rate limiters' rows that no longer matter. */
    final Runnable sweepSharedLimits;
    /** The account ports other modules build on (export and deletion). */
    final AccountPorts ports;

    /** The ports as wired here, with the builder's choices applied. */
    record AccountPorts(UserRepository users, SessionRepository sessions, PasswordResetTokenRepository resetTokens,
                        PasswordHasher hasher, TokenGenerator tokens, LoginThrottle throttle, AccountEvents events,
                        PasskeyRepository passkeys, TotpRepository totp,
                        EmailVerificationTokenRepository verificationTokens) {}

    AccountsModule(Database database, StorefrontBuilder builder, CartModule cart, Deque<AutoCloseable> resources) {
        StorefrontConfig config = builder.config;
        Transactions tx = database.transactions();
        SessionCache sessionCache = new SessionCache(database);
        JdbiUserRepository users = new JdbiUserRepository(database, sessionCache);
        this.users = users;
        JdbiSessionRepository sessions = new JdbiSessionRepository(database, sessionCache);
        JdbiPasswordResetTokenRepository resetTokens = new JdbiPasswordResetTokenRepository(database);
        JdbiEmailVerificationTokenRepository verificationTokens = new JdbiEmailVerificationTokenRepository(database);
        PasswordHasher hasher = builder.passwordHasher != null ? builder.passwordHasher
                : new BcryptPasswordHasher(config.bcryptCost());
        TokenGenerator tokens = new SecureTokenGenerator();
        PasswordPolicy policy = PasswordPolicy.standard();
        // No mailer given: nothing is written anywhere, a WARNING says the mail was not sent.
        UnsentMail unsent = new UnsentMail();
        AsyncMail mail = new AsyncMail(builder.passwordResetNotifier != null ? builder.passwordResetNotifier : unsent,
                builder.accountMailer != null ? builder.accountMailer : unsent);
        resources.push(mail);
        // The first unknown-user login must not pay for making the dummy hash: make it now, aside.
        Thread warmUp = new Thread(hasher::dummyHash, "storefront-bcrypt-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        AccountEvents events = builder.accountEvents != null ? builder.accountEvents : new LoggingAccountEvents();
        // In the database, so that every server on it counts the same failures and events.
        JdbiLoginThrottle sharedThrottle = new JdbiLoginThrottle(database);
        LoginThrottle throttle = builder.loginThrottle != null ? builder.loginThrottle : sharedThrottle;
        JdbiPasskeyRepository passkeys = new JdbiPasskeyRepository(database);
        JdbiPasskeyChallengeRepository passkeyChallenges = new JdbiPasskeyChallengeRepository(database);
        // One purpose per limiter: a flood of guest sessions must not crowd out reset-request counters.
        JdbiRateLimiter registrations = new JdbiRateLimiter(database, "registration");
        RateLimiter guestSessions = new JdbiRateLimiter(database, "guest-session");
        RateLimiter profileUpdates = new JdbiRateLimiter(database, "profile-update");
        RateLimiter resetRequests = new JdbiRateLimiter(database, "reset-request");
        RateLimiter verificationMails = new JdbiRateLimiter(database, "email-verification");
        sweepSharedLimits = () -> {
            Instant now = builder.timeSource.now();
            int swept; // in batches, each a short transaction (the rate limiters share one table)
            do {
                swept = sharedThrottle.deleteExpired(now, SweepExpiredSessionsService.BATCH)
                        + registrations.deleteExpired(now, SweepExpiredSessionsService.BATCH);
            } while (swept > 0);
            passkeyChallenges.deleteExpired(now); // at most two per session, so one statement
        };
        OrderStatistics orders = builder.orderStatistics != null ? builder.orderStatistics
                : new JdbiOrderStatistics(database, config.currency());
        CartStatistics carts = builder.cartStatistics != null ? builder.cartStatistics : cart.statistics;
        GuestSessionHandover handover = builder.guestSessionHandover != null ? builder.guestSessionHandover
                : cart.guestMerger;
        TimeSource time = builder.timeSource;
        AccountSettings settings = new AccountSettings(
                new SessionPolicy(config.sessionIdleTimeout(), config.sessionMaxLifetime()),
                AccountSettings.DEFAULT_RESET_TOKEN_LIFETIME);

        TotpRepository totp = new JdbiTotpRepository(database);
        OneTimeCodes oneTimeCodes = new HmacOneTimeCodes();
        SecretSealer sealer = new AesGcmSecretSealer(Base64.getDecoder().decode(config.totpEncryptionKey() != null
                ? config.totpEncryptionKey()
                // Generated at the database's first start, once however many instances start together.
                : new JdbiStoreSettings(database).generatedOnce(TOTP_KEY_SETTING, AesGcmSecretSealer::newKey)));

        SignUpLimits signUpLimits = new SignUpLimits(config.registrationsPerHour(), config.guestSessionsPerHour());
        useCases = new AccountUseCases(
                new RegisterUserService(tx, users, hasher, policy, time, events, registrations, signUpLimits,
                        verificationTokens, tokens, mail),
                new LogInService(tx, users, sessions, hasher, tokens, throttle, handover, events, time, settings),
                new LogOutService(tx, sessions, tokens, events, time),
                new ResolveSessionService(tx, sessions, tokens, time, settings),
                new StartGuestSessionService(tx, sessions, tokens, time, settings, guestSessions, signUpLimits),
                new GetCurrentUserService(tx, users),
                new GetDashboardService(tx, users, orders, carts),
                new UpdateProfileService(tx, users, verificationTokens, tokens, mail, hasher, throttle, events, time,
                        profileUpdates),
                new ChangePasswordService(tx, users, sessions, resetTokens, hasher, policy, tokens, throttle, events,
                        time, settings),
                new RequestPasswordResetService(tx, database.locks(), users, resetTokens, tokens, mail,
                        resetRequests, events, time, settings),
                new ConfirmPasswordResetService(tx, users, sessions, resetTokens, hasher, policy, tokens, events, time),
                new ListSessionsService(tx, sessions, tokens, time, settings),
                new RevokeSessionService(tx, sessions, events, time),
                new RevokeOtherSessionsService(tx, sessions, tokens, events, time),
                new GrantAdminService(tx, users, events, time),
                new SweepExpiredSessionsService(tx, sessions, resetTokens, verificationTokens, time, settings),
                new EnrolTotpService(tx, users, totp, oneTimeCodes, sealer, hasher, throttle, time),
                new ConfirmTotpService(tx, users, sessions, totp, oneTimeCodes, sealer, tokens, throttle, events, time),
                new RegenerateRecoveryCodesService(tx, users, totp, oneTimeCodes, sealer, tokens, hasher, throttle, events,
                        time),
                new DisableMfaService(tx, users, totp, oneTimeCodes, sealer, tokens, hasher, throttle, events, time),
                new CompleteMfaLoginService(tx, users, sessions, totp, oneTimeCodes, sealer, tokens, throttle, handover,
                        events, time, settings),
                new RequestEmailVerificationService(tx, users, verificationTokens, tokens, mail, verificationMails,
                        events, time),
                new ConfirmEmailVerificationService(tx, users, verificationTokens, resetTokens, tokens, events, time));
        RelyingParty relyingParty = relyingParty(config.publicUrl());
        WebAuthnPasskeyVerifier verifier = new WebAuthnPasskeyVerifier(relyingParty);
        passkeyRoutes = new PasskeyRoutes.UseCases(
                new StartPasskeyRegistrationService(tx, users, passkeys, passkeyChallenges, tokens, time, relyingParty),
                new RegisterPasskeyService(tx, users, passkeys, passkeyChallenges, verifier, tokens, events, time),
                new ListPasskeysService(tx, passkeys),
                new DeletePasskeyService(tx, users, passkeys, events, time),
                new StartPasskeyLoginService(tx, passkeyChallenges, tokens, time, relyingParty),
                new LogInWithPasskeyService(tx, users, sessions, passkeys, passkeyChallenges, verifier, tokens, handover,
                        events, time, settings));
        ports = new AccountPorts(users, sessions, resetTokens, hasher, tokens, throttle, events, passkeys, totp,
                verificationTokens);
    }

    /** The store setting that holds the generated TOTP key when {@code TOTP_ENCRYPTION_KEY} is not set. */
    static final String TOTP_KEY_SETTING = "totp-encryption-key";

    SecondFactorRoutes.UseCases secondFactorRouteUseCases() {
        AccountUseCases u = useCases;
        return new SecondFactorRoutes.UseCases(u.enrolTotp(), u.confirmTotp(), u.regenerateRecoveryCodes(),
                u.disableMfa(), u.completeMfaLogin());
    }

    /** The passkeys' relying party from PUBLIC_URL: its host is the rp id, scheme, host and port the origin. */
    static RelyingParty relyingParty(String publicUrl) {
        URI uri = URI.create(publicUrl);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean defaultPort = uri.getPort() == -1 || (scheme.equals("http") && uri.getPort() == 80)
                || (scheme.equals("https") && uri.getPort() == 443);
        return new RelyingParty(host, scheme + "://" + host + (defaultPort ? "" : ":" + uri.getPort()), "Storefront");
    }

    AccountRoutes.UseCases routeUseCases() {
        AccountUseCases u = useCases;
        return new AccountRoutes.UseCases(u.registerUser(), u.logIn(), u.logOut(), u.currentUser(), u.dashboard(),
                u.updateProfile(), u.changePassword(), u.requestPasswordReset(), u.confirmPasswordReset(),
                u.listSessions(), u.revokeSession(), u.revokeOtherSessions());
    }

    EmailVerificationRoutes emailVerificationRoutes() {
        return new EmailVerificationRoutes(useCases.requestEmailVerification(), useCases.confirmEmailVerification());
    }
}
