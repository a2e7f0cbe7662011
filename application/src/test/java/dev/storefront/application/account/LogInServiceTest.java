package dev.storefront.application.account;

import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.port.in.account.LogInCommand;
import dev.storefront.domain.port.out.PasswordHasher;
import dev.storefront.domain.user.PasswordHash;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.storefront.application.account.AccountKit.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.in.account.LogInUseCase.LoggedIn;
import dev.storefront.domain.port.in.account.StartGuestSessionUseCase.StartGuestSessionCommand;
import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.session.IssuedSession;
import dev.storefront.domain.user.InvalidCredentials;
import dev.storefront.domain.user.LoginThrottled;
import dev.storefront.domain.user.Password;
import dev.storefront.domain.user.User;
import dev.storefront.inmemory.InMemoryPasswordHasher;
import dev.storefront.inmemory.RecordingGuestSessionHandover.Handover;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogInServiceTest {
    private final AccountKit kit = new AccountKit();

    @Test
    void logsInByUsernameOrEmailInAnyCaseAndRecordsTheLogin() {
        User alice = kit.registered("alice");
        LoggedIn byName = kit.login("ALICE", PASSWORD);
        LoggedIn byEmail = kit.login(" Alice@EXAMPLE.com ", PASSWORD);
        assertEquals(alice.id(), byName.user().id());
        assertEquals(alice.id(), byEmail.user().id());
        assertEquals(kit.time.now(), kit.users.findById(alice.id()).orElseThrow().lastLogin().orElseThrow());
        assertTrue(kit.resolve(byName.session().token()).isPresent());
    }

    @Test
    void unknownUserAndWrongPasswordFailAlikeAfterExactlyOneVerificationEach() {
        kit.registered("alice");
        int before = kit.hasher.verificationCount();
        InvalidCredentials wrong = assertThrows(InvalidCredentials.class, () -> kit.login("alice", "wrong password"));
        assertEquals(before + 1, kit.hasher.verificationCount());
        InvalidCredentials unknown = assertThrows(InvalidCredentials.class, () -> kit.login("mallory", "wrong password"));
        assertEquals(before + 2, kit.hasher.verificationCount());
        InvalidCredentials unknownEmail = assertThrows(InvalidCredentials.class,
                () -> kit.login("mallory@example.com", PASSWORD));
        assertEquals(before + 3, kit.hasher.verificationCount());
        assertEquals(wrong.getMessage(), unknown.getMessage());
        assertEquals(wrong.getMessage(), unknownEmail.getMessage());
    }

    @Test
    void anOverLongPasswordIsAnOrdinaryFailureWithOneVerification() {
        kit.registered("alice");
        int before = kit.hasher.verificationCount();
        assertThrows(InvalidCredentials.class, () -> kit.login("alice", PASSWORD + "x".repeat(80)));
        assertEquals(before + 1, kit.hasher.verificationCount());
    }

    @Test
    void theSixthRapidFailureIsThrottledEvenWithTheRightPasswordWithoutVerifying() {
        kit.registered("alice");
        for (int i = 0; i < 5; i++) {
            assertThrows(InvalidCredentials.class, () -> kit.login("alice", "wrong password"));
        }
        int before = kit.hasher.verificationCount();
        LoginThrottled throttled = assertThrows(LoginThrottled.class, () -> kit.login("alice", PASSWORD));
        assertEquals(Duration.ofSeconds(1), throttled.retryAfter());
        assertEquals(before, kit.hasher.verificationCount(), "no oracle: nothing was checked");
        assertTrue(kit.events.types().contains(AccountEvents.Type.LOGIN_THROTTLED));
        // The email is the same account: no second counter to hide behind.
        assertThrows(LoginThrottled.class, () -> kit.login("alice@example.com", PASSWORD));
        kit.time.advance(Duration.ofSeconds(1));
        assertEquals("alice", kit.login("alice", PASSWORD).user().username().value());
    }

    @Test
    void unknownAccountsAreThrottledTheSameWay() {
        for (int i = 0; i < 5; i++) {
            assertThrows(InvalidCredentials.class, () -> kit.login("ghost", "wrong password"));
        }
        assertThrows(LoginThrottled.class, () -> kit.login("ghost", "wrong password"));
    }

    @Test
    void aSuccessfulLoginResetsTheAccountsCounter() {
        kit.registered("alice");
        for (int i = 0; i < 4; i++) {
            assertThrows(InvalidCredentials.class, () -> kit.login("alice", "wrong password"));
        }
        kit.login("alice", PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertThrows(InvalidCredentials.class, () -> kit.login("alice", "wrong password"));
        }
        kit.login("alice", PASSWORD);
    }

    @Test
    void anOutsidersFailuresFromOneAddressDoNotLockTheOwnerOutFromAnother() {
        kit.registered("alice");
        for (int i = 0; i < 5; i++) {
            assertThrows(InvalidCredentials.class, () -> kit.loginFrom("10.6.6.6", "alice", "wrong password"));
        }
        assertThrows(LoginThrottled.class, () -> kit.loginFrom("10.6.6.6", "alice", PASSWORD), "the outsider waits");
        assertEquals("alice", kit.loginFrom("10.0.0.1", "alice", PASSWORD).user().username().value());
        assertThrows(LoginThrottled.class, () -> kit.loginFrom("10.6.6.6", "alice", PASSWORD),
                "the owner's success does not clear the outsider's counter");
    }

    @Test
    void twentyFailuresFromManyAddressesThrottleTheAccountEverywhere() {
        kit.registered("alice");
        for (int i = 0; i < 20; i++) {
            String address = "10.1.0." + i;
            assertThrows(InvalidCredentials.class, () -> kit.loginFrom(address, "alice", "wrong password"));
        }
        LoginThrottled throttled = assertThrows(LoginThrottled.class,
                () -> kit.loginFrom("10.0.0.1", "alice", PASSWORD));
        assertEquals(Duration.ofSeconds(1), throttled.retryAfter());
        kit.time.advance(Duration.ofSeconds(1));
        kit.loginFrom("10.0.0.1", "alice", PASSWORD);
    }

    @Test
    void aLowerCostHashIsUpgradedTransparentlyAtLogin() {
        User alice = kit.registered("alice");
        kit.users.update(alice.withPasswordHash(kit.hasher.hashWithCost(Password.of(PASSWORD), 10)));
        kit.login("alice", PASSWORD);
        User after = kit.users.findById(alice.id()).orElseThrow();
        assertEquals(12, InMemoryPasswordHasher.costOf(after.passwordHash()));
        assertTrue(kit.hasher.verify(Password.of(PASSWORD), after.passwordHash()));
    }

    @Test
    void loginIssuesANewSessionIdAndEndsTheOneThePreviousClientHeld() {
        kit.registered("alice");
        LoggedIn first = kit.login("alice", PASSWORD);
        LoggedIn second = kit.login("alice", PASSWORD, first.session().token());
        assertNotEquals(first.session().token(), second.session().token());
        assertTrue(kit.resolve(first.session().token()).isEmpty());
        assertTrue(kit.resolve(second.session().token()).isPresent());
    }

    @Test
    void aGuestSessionIsHandedOverToTheUserAndEndsAtLogin() {
        User alice = kit.registered("alice");
        IssuedSession guest = kit.startGuest.startGuestSession(new StartGuestSessionCommand("Browser"));
        assertTrue(kit.resolve(guest.token()).orElseThrow().user().isEmpty());
        LoggedIn loggedIn = kit.login("alice", PASSWORD, guest.token());
        assertEquals(List.of(new Handover(guest.session().handle(), loggedIn.session().session().handle(), alice.id())),
                kit.handover.handovers());
        assertTrue(kit.resolve(guest.token()).isEmpty(), "the guest id stops working");
        assertEquals(alice.id(), kit.resolve(loggedIn.session().token()).orElseThrow().user().orElseThrow().id());
    }

    @Test
    void aFailedLoginLeavesTheGuestSessionAlone() {
        kit.registered("alice");
        IssuedSession guest = kit.startGuest.startGuestSession(new StartGuestSessionCommand(null));
        assertThrows(InvalidCredentials.class, () -> kit.login("alice", "wrong password", guest.token()));
        assertTrue(kit.resolve(guest.token()).isPresent());
        assertTrue(kit.handover.handovers().isEmpty());
    }

    @Test
    void auditEventsCarryNoSecrets() {
        kit.registered("alice");
        LoggedIn loggedIn = kit.login("alice", PASSWORD);
        assertThrows(InvalidCredentials.class, () -> kit.login("alice", "wrong password"));
        String all = kit.events.events().toString();
        assertTrue(!all.contains(PASSWORD) && !all.contains("wrong password")
                && !all.contains(loggedIn.session().token().value()), all);
        assertTrue(kit.events.types().containsAll(List.of(AccountEvents.Type.LOGGED_IN, AccountEvents.Type.LOGIN_FAILED)));
    }

    @Test
    void aParallelGuessFromTheSameAddressIsThrottledWithoutAVerificationButTheOwnerElsewhereIsNot()
            throws Exception {
        kit.registered("alice");
        CountDownLatch verifying = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger verifications = new AtomicInteger();
        PasswordHasher slow = new PasswordHasher() {
            @Override
            public PasswordHash hash(Password password) {
                return kit.hasher.hash(password);
            }

            @Override
            public boolean verify(Password password, PasswordHash hash) {
                if (verifications.incrementAndGet() == 1) { // only the first attempt is held in flight
                    verifying.countDown();
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return kit.hasher.verify(password, hash);
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
        LogInService service = new LogInService(kit.transactions, kit.users, kit.sessions, slow, kit.tokens,
                kit.throttle, kit.handover, kit.events, kit.time, kit.settings);
        LogInCommand wrong = new LogInCommand("alice", "wrong password", "10.0.0.1", "JUnit", Optional.empty());

        CompletableFuture<Throwable> first = CompletableFuture.supplyAsync(() ->
                assertThrows(InvalidCredentials.class, () -> service.logIn(wrong)));
        assertTrue(verifying.await(5, TimeUnit.SECONDS));
        for (int i = 0; i < 3; i++) {
            assertThrows(LoginThrottled.class, () -> service.logIn(wrong), "a parallel guess is refused unchecked");
        }
        assertThrows(LoginThrottled.class, () -> service.logIn(
                new LogInCommand("ALICE@example.com", PASSWORD, "10.0.0.1", "JUnit", Optional.empty())),
                "even the right password, by email, from that address");
        assertEquals(1, verifications.get(), "only the attempt in flight was verified");
        assertEquals(alicesId(), service.logIn(new LogInCommand("ALICE@example.com", PASSWORD, "10.0.0.2", "JUnit",
                Optional.empty())).user().id(), "a guess in flight from one address does not hold up the owner");
        release.countDown();
        first.get(5, TimeUnit.SECONDS);
        assertEquals(alicesId(), service.logIn(new LogInCommand("alice", PASSWORD, "10.0.0.1", "JUnit",
                Optional.empty())).user().id(), "once settled, the next attempt goes ahead");
    }

    private dev.storefront.domain.user.UserId alicesId() {
        return kit.users.findByUsername(new dev.storefront.domain.user.Username("alice")).orElseThrow().id();
    }

    @Test
    void anImpossiblyLongLoginIsABadRequestAndLeavesNoThrottleState() {
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> kit.login("x".repeat(255), "whatever password"));
        assertEquals("login", refused.violations().get(0).field());
        assertEquals(0, kit.hasher.verificationCount());
    }
}
