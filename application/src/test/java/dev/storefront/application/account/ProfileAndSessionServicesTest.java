package dev.storefront.application.account;

import static dev.storefront.application.account.AccountKit.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.common.NotAuthenticatedException;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.port.in.account.ChangePasswordCommand;
import dev.storefront.domain.port.in.account.GetCurrentUserUseCase.CurrentUserQuery;
import dev.storefront.domain.port.in.account.GetDashboardUseCase.Dashboard;
import dev.storefront.domain.port.in.account.GetDashboardUseCase.DashboardQuery;
import dev.storefront.domain.port.in.account.GrantAdminUseCase.GrantAdminCommand;
import dev.storefront.domain.port.in.account.ListSessionsUseCase.SessionSummary;
import dev.storefront.domain.port.in.account.ListSessionsUseCase.SessionsQuery;
import dev.storefront.domain.port.in.account.LogInUseCase.LoggedIn;
import dev.storefront.domain.port.in.account.LogOutUseCase.LogOutCommand;
import dev.storefront.domain.port.in.account.RevokeOtherSessionsUseCase.RevokeOtherSessionsCommand;
import dev.storefront.domain.port.in.account.RevokeSessionUseCase.RevokeSessionCommand;
import dev.storefront.domain.port.in.account.StartGuestSessionUseCase.StartGuestSessionCommand;
import dev.storefront.domain.port.in.account.UpdateProfileCommand;
import dev.storefront.domain.port.out.OrderStatistics.OrderStats;
import dev.storefront.domain.session.IssuedSession;
import dev.storefront.domain.session.SessionNotFound;
import dev.storefront.domain.user.Role;
import dev.storefront.domain.user.UnknownUser;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.UsernameOrEmailTaken;
import dev.storefront.domain.user.WrongCurrentPassword;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileAndSessionServicesTest {
    private final AccountKit kit = new AccountKit();

    private User update(User user, String username, String email, String currentPassword) {
        return kit.updateProfile.updateProfile(new UpdateProfileCommand(user.id(), Optional.ofNullable(username),
                Optional.ofNullable(email), currentPassword, "10.0.0.1"));
    }

    @Test
    void theProfileChangesOnlyWithTheCurrentPassword() {
        User alice = kit.registered("alice");
        assertThrows(WrongCurrentPassword.class, () -> update(alice, "alice2", null, "wrong password"));
        User changed = update(alice, "alice2", "NEW@example.com", PASSWORD);
        assertEquals("alice2", changed.username().value());
        assertEquals("alice@example.com", changed.email().value(), "a new email waits for its confirmation");
        assertEquals("new@example.com", changed.pendingEmailChange().orElseThrow().value());
        assertEquals(changed, kit.currentUser.currentUser(new CurrentUserQuery(alice.id())));
    }

    @Test
    void aProfileChangeToAnotherUsersNameOrEmailIsAConflictButOnesOwnIsFine() {
        User alice = kit.registered("alice");
        kit.registered("bob");
        assertThrows(UsernameOrEmailTaken.class, () -> update(alice, "BOB", null, PASSWORD));
        assertThrows(UsernameOrEmailTaken.class, () -> update(alice, null, "bob@example.com", PASSWORD));
        assertEquals("Alice", update(alice, "Alice", "alice@example.com", PASSWORD).username().value());
        InvalidInputException invalid = assertThrows(InvalidInputException.class, () -> update(alice, "x", null, PASSWORD));
        assertEquals("username", invalid.violations().get(0).field());
    }

    @Test
    void changingThePasswordEndsEveryOtherSessionAndRenewsTheCallersId() {
        User alice = kit.registered("alice");
        LoggedIn phone = kit.login("alice", PASSWORD);
        LoggedIn laptop = kit.login("alice", PASSWORD);
        IssuedSession renewed = kit.changePassword.changePassword(new ChangePasswordCommand(alice.id(),
                laptop.session().token(), PASSWORD, "a better secret 1", "10.0.0.1", "JUnit"));
        assertTrue(kit.resolve(phone.session().token()).isEmpty());
        assertTrue(kit.resolve(laptop.session().token()).isEmpty(), "the old id of this session stops working");
        assertTrue(kit.resolve(renewed.token()).isPresent());
        assertNotEquals(laptop.session().token(), renewed.token());
        kit.login("alice", "a better secret 1");
    }

    @Test
    void changingThePasswordNeedsTheCurrentOneAndAnAcceptableNewOne() {
        User alice = kit.registered("alice");
        LoggedIn s = kit.login("alice", PASSWORD);
        assertThrows(WrongCurrentPassword.class, () -> kit.changePassword.changePassword(new ChangePasswordCommand(
                alice.id(), s.session().token(), "wrong password", "a better secret 1", "10.0.0.1", null)));
        InvalidInputException weak = assertThrows(InvalidInputException.class, () -> kit.changePassword.changePassword(
                new ChangePasswordCommand(alice.id(), s.session().token(), PASSWORD, "password1", "10.0.0.1", null)));
        assertEquals("newPassword", weak.violations().get(0).field());
        assertTrue(kit.resolve(s.session().token()).isPresent());
    }

    @Test
    void sessionsEndAfterTheIdleTimeoutAndActivityKeepsThemAlive() {
        kit.registered("alice");
        LoggedIn s = kit.login("alice", PASSWORD);
        kit.time.advance(Duration.ofMinutes(29));
        assertTrue(kit.resolve(s.session().token()).isPresent());
        kit.time.advance(Duration.ofMinutes(29));
        assertTrue(kit.resolve(s.session().token()).isPresent(), "the previous request moved the idle end");
        kit.time.advance(Duration.ofMinutes(30));
        assertTrue(kit.resolve(s.session().token()).isEmpty());
    }

    @Test
    void sessionsEndAtTheirAbsoluteLifetimeHoweverActive() {
        kit.registered("alice");
        LoggedIn s = kit.login("alice", PASSWORD);
        for (int i = 0; i < 7 * 24 * 3; i++) {
            kit.time.advance(Duration.ofMinutes(20));
            if (kit.resolve(s.session().token()).isEmpty()) {
                assertTrue(i * 20L >= 7 * 24 * 60 - 20, "ended early, after " + i * 20 + " minutes");
                return;
            }
        }
        throw new AssertionError("the session outlived its absolute lifetime");
    }

    @Test
    void expiredSessionsAreSweptInBulk() {
        kit.registered("alice");
        kit.login("alice", PASSWORD);
        kit.startGuest.startGuestSession(new StartGuestSessionCommand(null));
        assertEquals(2, kit.sessions.size());
        kit.time.advance(Duration.ofMinutes(31));
        LoggedIn fresh = kit.login("alice", PASSWORD);
        assertEquals(2, kit.sweep.sweepExpired());
        assertEquals(1, kit.sessions.size());
        assertTrue(kit.resolve(fresh.session().token()).isPresent());
    }

    @Test
    void listingShowsOnlyTheCallersLiveSessionsAndMarksTheCurrentOne() {
        User alice = kit.registered("alice");
        kit.registered("bob");
        LoggedIn a1 = kit.login("alice", PASSWORD);
        kit.time.advance(Duration.ofMinutes(1));
        LoggedIn a2 = kit.login("alice", PASSWORD);
        kit.login("bob", PASSWORD);
        List<SessionSummary> list = kit.listSessions.listSessions(new SessionsQuery(alice.id(), a1.session().token()));
        assertEquals(List.of(a2.session().session().handle(), a1.session().session().handle()),
                list.stream().map(SessionSummary::handle).toList());
        assertFalse(list.get(0).current());
        assertTrue(list.get(1).current());
        assertEquals("JUnit", list.get(0).userAgent());
    }

    @Test
    void revokingWorksOnlyOnOnesOwnSessions() {
        User alice = kit.registered("alice");
        User bob = kit.registered("bob");
        LoggedIn a1 = kit.login("alice", PASSWORD);
        LoggedIn b1 = kit.login("bob", PASSWORD);
        String bobsHandle = b1.session().session().handle().value();
        assertThrows(SessionNotFound.class, () -> kit.revokeSession.revokeSession(
                new RevokeSessionCommand(alice.id(), bobsHandle, null)));
        assertThrows(SessionNotFound.class, () -> kit.revokeSession.revokeSession(
                new RevokeSessionCommand(alice.id(), "../../etc", null)));
        assertTrue(kit.resolve(b1.session().token()).isPresent());
        kit.revokeSession.revokeSession(new RevokeSessionCommand(bob.id(), bobsHandle, null));
        assertTrue(kit.resolve(b1.session().token()).isEmpty());
        assertTrue(kit.resolve(a1.session().token()).isPresent());
    }

    @Test
    void revokingTheOthersKeepsOnlyTheCallersSession() {
        User alice = kit.registered("alice");
        LoggedIn a1 = kit.login("alice", PASSWORD);
        LoggedIn a2 = kit.login("alice", PASSWORD);
        LoggedIn a3 = kit.login("alice", PASSWORD);
        assertEquals(2, kit.revokeOthers.revokeOtherSessions(new RevokeOtherSessionsCommand(alice.id(),
                a2.session().token(), null)));
        assertTrue(kit.resolve(a1.session().token()).isEmpty());
        assertTrue(kit.resolve(a3.session().token()).isEmpty());
        assertTrue(kit.resolve(a2.session().token()).isPresent());
    }

    @Test
    void logoutDestroysTheSessionAndIsIdempotent() {
        kit.registered("alice");
        LoggedIn s = kit.login("alice", PASSWORD);
        kit.logOut.logOut(new LogOutCommand(Optional.of(s.session().token()), null));
        assertTrue(kit.resolve(s.session().token()).isEmpty());
        kit.logOut.logOut(new LogOutCommand(Optional.of(s.session().token()), null));
        kit.logOut.logOut(new LogOutCommand(Optional.empty(), null));
    }

    @Test
    void theDashboardReadsOrderAndCartFiguresThroughTheirPorts() {
        User alice = kit.registered("alice");
        Dashboard empty = kit.dashboard.dashboard(new DashboardQuery(alice.id()));
        assertEquals(0, empty.orders().orders());
        assertTrue(empty.orders().totalSpent().isZero());
        Currency usd = Currency.getInstance("USD");
        kit.orders.set(alice.id(), new OrderStats(3, Money.of("59.97", usd), List.of()));
        kit.carts.set(alice.id(), 2);
        Dashboard filled = kit.dashboard.dashboard(new DashboardQuery(alice.id()));
        assertEquals(3, filled.orders().orders());
        assertEquals(2, filled.cartItems());
        assertThrows(NotAuthenticatedException.class, () -> kit.dashboard.dashboard(
                new DashboardQuery(new dev.storefront.domain.user.UserId(999))));
    }

    @Test
    void grantAdminPromotesAKnownUserAndRefusesAnUnknownOne() {
        kit.registered("alice");
        assertEquals(Role.ADMIN, kit.grantAdmin.grantAdmin(new GrantAdminCommand("ALICE")).role());
        assertThrows(UnknownUser.class, () -> kit.grantAdmin.grantAdmin(new GrantAdminCommand("nobody")));
        assertThrows(UnknownUser.class, () -> kit.grantAdmin.grantAdmin(new GrantAdminCommand("bad name!")));
    }
}
