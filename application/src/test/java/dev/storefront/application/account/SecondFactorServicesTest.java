package dev.storefront.application.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.in.account.CompleteMfaLoginUseCase.CompleteMfaLoginCommand;
import dev.storefront.domain.port.in.account.ConfirmTotpUseCase.ConfirmTotpCommand;
import dev.storefront.domain.port.in.account.DisableMfaUseCase.DisableMfaCommand;
import dev.storefront.domain.port.in.account.EnrolTotpUseCase.EnrolTotpCommand;
import dev.storefront.domain.port.in.account.EnrolTotpUseCase.TotpEnrolment;
import dev.storefront.domain.port.in.account.LogInCommand;
import dev.storefront.domain.port.in.account.LogInUseCase.LoggedIn;
import dev.storefront.domain.port.out.PasswordHasher;
import dev.storefront.domain.user.InvalidCredentials;
import dev.storefront.domain.user.Password;
import dev.storefront.domain.user.PasswordHash;
import dev.storefront.domain.port.in.account.RegenerateRecoveryCodesUseCase.RegenerateRecoveryCodesCommand;
import dev.storefront.domain.port.in.account.StartGuestSessionUseCase.StartGuestSessionCommand;
import dev.storefront.domain.port.out.AccountEvents.Type;
import dev.storefront.domain.session.IssuedSession;
import dev.storefront.domain.session.SessionToken;
import dev.storefront.domain.user.InvalidSecondFactorLogin;
import dev.storefront.domain.user.LoginThrottled;
import dev.storefront.domain.user.NoPendingTotpEnrolment;
import dev.storefront.domain.user.Totp;
import dev.storefront.domain.user.TotpAlreadyEnabled;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.UserId;
import dev.storefront.domain.user.WrongCurrentPassword;
import dev.storefront.domain.user.WrongSecondFactorCode;
import dev.storefront.inmemory.InMemoryOneTimeCodes;
import dev.storefront.inmemory.InMemorySecretSealer;
import dev.storefront.inmemory.InMemoryTotpRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The second-factor services on the in-memory fakes. */
class SecondFactorServicesTest {
    private final AccountKit kit = new AccountKit();
    private final InMemoryTotpRepository totp = new InMemoryTotpRepository(kit.transactions);
    private final InMemoryOneTimeCodes codes = new InMemoryOneTimeCodes();
    private final InMemorySecretSealer sealer = new InMemorySecretSealer();
    private final EnrolTotpService enrol = new EnrolTotpService(kit.transactions, kit.users, totp, codes, sealer,
            kit.hasher, kit.throttle, kit.time);
    private final ConfirmTotpService confirm = new ConfirmTotpService(kit.transactions, kit.users, kit.sessions, totp,
            codes, sealer, kit.tokens, kit.throttle, kit.events, kit.time);
    private final RegenerateRecoveryCodesService regenerate = new RegenerateRecoveryCodesService(kit.transactions,
            kit.users, totp, codes, sealer, kit.tokens, kit.hasher, kit.throttle, kit.events, kit.time);
    private final DisableMfaService disable = new DisableMfaService(kit.transactions, kit.users, totp, codes, sealer,
            kit.tokens, kit.hasher, kit.throttle, kit.events, kit.time);
    private final CompleteMfaLoginService complete = new CompleteMfaLoginService(kit.transactions, kit.users,
            kit.sessions, totp, codes, sealer, kit.tokens, kit.throttle, kit.handover, kit.events, kit.time,
            kit.settings);
    private User alice;
    private LoggedIn aliceSession;

    @BeforeEach
    void setUp() {
        kit.time.set(Instant.parse("2026-06-01T10:00:10Z")); // 10 s into a step
        alice = kit.registered("alice");
        aliceSession = kit.login("alice", AccountKit.PASSWORD);
    }

    private String code(UserId user, long stepsFromNow) {
        byte[] secret = sealer.open(totp.find(user).orElseThrow().sealedSecret(), SecondFactorCheck.sealingContext(user));
        return codes.totpCode(secret, Totp.stepAt(kit.time.now()) + stepsFromNow);
    }

    private List<String> enabled() {
        enrol.enrolTotp(new EnrolTotpCommand(alice.id(), AccountKit.PASSWORD, "10.0.0.1"));
        return confirm.confirmTotp(new ConfirmTotpCommand(alice.id(), aliceSession.session().token(),
                code(alice.id(), 0), "10.0.0.1"));
    }

    private LoggedIn completeWith(SessionToken pending, String code, String recoveryCode) {
        return complete.completeMfaLogin(new CompleteMfaLoginCommand(Optional.of(pending), code, recoveryCode,
                "10.0.0.1", "JUnit"));
    }

    @Test
    void enrolmentAnswersTheSecretOnceAndConfirmationTurnsTotpOnWithTenRecoveryCodes() {
        IssuedSession other = kit.login("alice", AccountKit.PASSWORD).session();
        TotpEnrolment enrolment = enrol.enrolTotp(new EnrolTotpCommand(alice.id(), AccountKit.PASSWORD, "10.0.0.1"));
        assertEquals(32, enrolment.secret().length());
        assertTrue(enrolment.otpauthUri().startsWith("otpauth://totp/Storefront:alice?secret=" + enrolment.secret()));
        assertFalse(totp.find(alice.id()).orElseThrow().sealedSecret().contains(enrolment.secret()));
        List<String> recovery = confirm.confirmTotp(new ConfirmTotpCommand(alice.id(), aliceSession.session().token(),
                code(alice.id(), 0), "10.0.0.1"));
        assertEquals(10, recovery.size());
        assertEquals(10, recovery.stream().distinct().count());
        assertTrue(kit.users.findById(alice.id()).orElseThrow().secondFactors().totp());
        assertTrue(kit.resolve(aliceSession.session().token()).isPresent(), "the confirming session stays");
        assertTrue(kit.resolve(other.token()).isEmpty(), "every other session ends");
        assertTrue(kit.events.types().contains(Type.MFA_ENABLED));
        assertThrows(TotpAlreadyEnabled.class,
                () -> enrol.enrolTotp(new EnrolTotpCommand(alice.id(), AccountKit.PASSWORD, "10.0.0.1")));
    }

    @Test
    void aWrongCodeOrNothingPendingChangesNothing() {
        assertThrows(NoPendingTotpEnrolment.class, () -> confirm.confirmTotp(new ConfirmTotpCommand(alice.id(),
                aliceSession.session().token(), "123456", "10.0.0.1")));
        assertThrows(WrongCurrentPassword.class,
                () -> enrol.enrolTotp(new EnrolTotpCommand(alice.id(), "wrong password", "10.0.0.1")));
        enrol.enrolTotp(new EnrolTotpCommand(alice.id(), AccountKit.PASSWORD, "10.0.0.1"));
        String twoStepsOff = code(alice.id(), 2);
        assertThrows(WrongSecondFactorCode.class, () -> confirm.confirmTotp(new ConfirmTotpCommand(alice.id(),
                aliceSession.session().token(), twoStepsOff, "10.0.0.1")));
        assertFalse(kit.users.findById(alice.id()).orElseThrow().secondFactors().totp());
        assertFalse(totp.find(alice.id()).orElseThrow().confirmed());
    }

    @Test
    void aPasswordLoginIsPendingUntilACodeCompletesItAndTheSameCodeIsRefusedAfterwards() {
        enabled();
        kit.time.advance(Duration.ofSeconds(30));
        LoggedIn pending = kit.login("alice", AccountKit.PASSWORD);
        assertTrue(pending.session().session().pendingSecondFactor());
        assertTrue(kit.resolve(pending.session().token()).orElseThrow().user().isEmpty(), "it is no login");
        assertTrue(kit.listSessions.listSessions(new dev.storefront.domain.port.in.account.ListSessionsUseCase
                .SessionsQuery(alice.id(), aliceSession.session().token())).stream()
                .noneMatch(s -> s.handle().equals(pending.session().session().handle())));
        String code = code(alice.id(), 1);
        LoggedIn loggedIn = completeWith(pending.session().token(), code, null);
        assertFalse(loggedIn.session().session().pendingSecondFactor());
        assertEquals(alice.id(), kit.resolve(loggedIn.session().token()).orElseThrow().user().orElseThrow().id());
        assertTrue(kit.resolve(pending.session().token()).isEmpty(), "the pending session ended");

        LoggedIn again = kit.login("alice", AccountKit.PASSWORD);
        assertThrows(InvalidSecondFactorLogin.class, () -> completeWith(again.session().token(), code, null));
        assertThrows(InvalidSecondFactorLogin.class, () -> completeWith(again.session().token(), code(alice.id(), 0),
                null), "an earlier step than one used");
        assertTrue(kit.events.types().contains(Type.MFA_TOTP_USED));
    }

    @Test
    void aLoginWhosePasswordCheckOverlapsTotpActivationGetsNoFullSession() {
        // The password is checked outside the transaction (bcrypt takes ~200 ms); TOTP switched on
        // meanwhile must not let that login skip the second factor.
        PasswordHasher activatingMidCheck = new PasswordHasher() {
            private boolean activated;

            @Override
            public PasswordHash hash(Password password) {
                return kit.hasher.hash(password);
            }

            @Override
            public boolean verify(Password password, PasswordHash hash) {
                boolean matches = kit.hasher.verify(password, hash);
                if (!activated) {
                    activated = true;
                    confirm.confirmTotp(new ConfirmTotpCommand(alice.id(), aliceSession.session().token(),
                            code(alice.id(), 0), "10.0.0.2")); // the owner, elsewhere
                }
                return matches;
            }

            @Override
            public boolean needsRehash(PasswordHash hash) {
                return kit.hasher.needsRehash(hash);
            }

            @Override
            public PasswordHash dummyHash() {
                return kit.hasher.dummyHash();
            }
        };
        enrol.enrolTotp(new EnrolTotpCommand(alice.id(), AccountKit.PASSWORD, "10.0.0.1"));
        LogInService racingLogIn = new LogInService(kit.transactions, kit.users, kit.sessions, activatingMidCheck,
                kit.tokens, kit.throttle, kit.handover, kit.events, kit.time, kit.settings);
        LogInCommand command = new LogInCommand("alice", AccountKit.PASSWORD, "10.0.0.1", "JUnit", Optional.empty());
        assertThrows(InvalidCredentials.class, () -> racingLogIn.logIn(command), "start over: the account changed");
        assertTrue(kit.users.findById(alice.id()).orElseThrow().secondFactors().totp());
        LoggedIn retried = racingLogIn.logIn(command);
        assertTrue(retried.session().session().pendingSecondFactor(), "the retry owes the second factor");
    }

    @Test
    void anExpiredPendingSessionOrAnotherUsersCodeIsRefused() {
        enabled();
        User bob = kit.registered("bob");
        LoggedIn bobSession = kit.login("bob", AccountKit.PASSWORD);
        enrol.enrolTotp(new EnrolTotpCommand(bob.id(), AccountKit.PASSWORD, "10.0.0.1"));
        confirm.confirmTotp(new ConfirmTotpCommand(bob.id(), bobSession.session().token(), code(bob.id(), 0),
                "10.0.0.2"));
        kit.time.advance(Duration.ofSeconds(30));
        LoggedIn pending = kit.login("alice", AccountKit.PASSWORD);
        assertThrows(InvalidSecondFactorLogin.class, () -> completeWith(pending.session().token(), code(bob.id(), 0),
                null));
        kit.time.advance(Session5Minutes.PLUS_ONE_SECOND);
        assertThrows(InvalidSecondFactorLogin.class, () -> completeWith(pending.session().token(),
                code(alice.id(), 0), null));
    }

    /** The pending lifetime and a second more. */
    private static final class Session5Minutes {
        static final Duration PLUS_ONE_SECOND = dev.storefront.domain.session.Session.PENDING_LIFETIME.plusSeconds(1);
    }

    @Test
    void fiveWrongCodesThrottleTheAccountLikeWrongPasswords() {
        enabled();
        LoggedIn pending = kit.login("alice", AccountKit.PASSWORD);
        for (int i = 0; i < 5; i++) {
            assertThrows(InvalidSecondFactorLogin.class, () -> completeWith(pending.session().token(), "000000", null));
        }
        assertThrows(LoginThrottled.class, () -> completeWith(pending.session().token(), code(alice.id(), 1), null));
        assertTrue(kit.events.types().contains(Type.MFA_FAILED));
    }

    @Test
    void aRecoveryCodeCompletesOneLoginOnlyAndRegeneratingKillsTheOldOnes() {
        List<String> recovery = enabled();
        LoggedIn pending = kit.login("alice", AccountKit.PASSWORD);
        completeWith(pending.session().token(), null, recovery.get(0).toLowerCase(java.util.Locale.ROOT));
        LoggedIn second = kit.login("alice", AccountKit.PASSWORD);
        assertThrows(InvalidSecondFactorLogin.class, () -> completeWith(second.session().token(), null, recovery.get(0)));
        assertTrue(kit.events.types().contains(Type.MFA_RECOVERY_CODE_USED));

        kit.time.advance(Duration.ofSeconds(30));
        List<String> fresh = regenerate.regenerateRecoveryCodes(new RegenerateRecoveryCodesCommand(alice.id(),
                AccountKit.PASSWORD, code(alice.id(), 0), "10.0.0.1"));
        assertEquals(10, fresh.size());
        assertThrows(InvalidSecondFactorLogin.class, () -> completeWith(second.session().token(), null, recovery.get(1)));
        completeWith(second.session().token(), null, fresh.get(0));
    }

    @Test
    void disablingNeedsThePasswordAndASecondFactorAndRemovesBoth() {
        List<String> recovery = enabled();
        assertThrows(WrongCurrentPassword.class, () -> disable.disableMfa(new DisableMfaCommand(alice.id(),
                "wrong password", null, recovery.get(0), "10.0.0.1")));
        assertThrows(WrongSecondFactorCode.class, () -> disable.disableMfa(new DisableMfaCommand(alice.id(),
                AccountKit.PASSWORD, null, "AAAA-AAAA-AAAA-AAAA", "10.0.0.1")));
        assertTrue(kit.users.findById(alice.id()).orElseThrow().secondFactors().totp());
        disable.disableMfa(new DisableMfaCommand(alice.id(), AccountKit.PASSWORD, null, recovery.get(0), "10.0.0.1"));
        assertFalse(kit.users.findById(alice.id()).orElseThrow().secondFactors().totp());
        assertTrue(totp.find(alice.id()).isEmpty());
        assertEquals(0, totp.recoveryCodesLeft(alice.id()));
        assertFalse(kit.login("alice", AccountKit.PASSWORD).session().session().pendingSecondFactor());
        assertTrue(kit.events.types().contains(Type.MFA_DISABLED));
    }

    @Test
    void theGuestCartIsHandedOverWhenTheSecondFactorCompletesTheLogin() {
        enabled();
        IssuedSession guest = kit.startGuest.startGuestSession(new StartGuestSessionCommand("JUnit", "10.0.0.1"));
        LoggedIn pending = kit.login("alice", AccountKit.PASSWORD, guest.token());
        assertTrue(kit.resolve(guest.token()).isPresent(), "the guest session (and its cart) waits for the second step");
        assertTrue(kit.handover.handovers().isEmpty());
        LoggedIn loggedIn = completeWith(pending.session().token(), code(alice.id(), 1), null);
        assertEquals(List.of(new dev.storefront.inmemory.RecordingGuestSessionHandover.Handover(
                guest.session().handle(), loggedIn.session().session().handle(), alice.id())), kit.handover.handovers());
        assertTrue(kit.resolve(guest.token()).isEmpty());
    }
}
