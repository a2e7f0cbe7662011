package dev.storefront.application.account;

import static dev.storefront.application.account.AccountKit.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.port.in.account.RegisterUserCommand;
import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.Password;
import dev.storefront.domain.user.RegistrationThrottled;
import dev.storefront.domain.user.Role;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.UsernameOrEmailTaken;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegisterUserServiceTest {
    private final AccountKit kit = new AccountKit();

    private User register(String username, String email, String password) {
        return kit.register.register(new RegisterUserCommand(username, email, password, "10.0.0.1"));
    }

    @Test
    void registersACustomerWithAHashNeverThePasswordAndCreatesNoSession() {
        User user = register("alice", " Alice@Example.com ", PASSWORD);
        assertEquals(Role.CUSTOMER, user.role());
        assertEquals("alice@example.com", user.email().value());
        assertFalse(user.passwordHash().encoded().contains(PASSWORD));
        assertTrue(kit.hasher.verify(Password.of(PASSWORD), user.passwordHash()));
        assertEquals(0, kit.sessions.size());
        assertEquals(List.of(AccountEvents.Type.REGISTERED, AccountEvents.Type.EMAIL_VERIFICATION_SENT),
                kit.events.types(), "the new address gets its verification mail");
        assertEquals(user.email(), kit.mailer.lastVerification().orElseThrow().to());
    }

    @Test
    void reportsEveryInvalidFieldAtOnce() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> register("a", "not-an-email", null));
        assertEquals(List.of("username", "email", "password"), e.violations().stream().map(FieldViolation::field).toList());
    }

    @Test
    void rejectsA73BytePasswordWithAFieldError() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> register("alice", "alice@example.com", "x".repeat(73)));
        assertEquals("password", e.violations().get(0).field());
        assertTrue(e.violations().get(0).message().contains("72 bytes"));
        assertEquals(0, kit.hasher.hashCount(), "nothing was hashed, nothing truncated");
    }

    @Test
    void rejectsACommonPasswordWithAFieldError() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> register("alice", "alice@example.com", "QwertyUIOP"));
        assertEquals("password", e.violations().get(0).field());
        assertTrue(e.violations().get(0).message().contains("too common"));
    }

    @Test
    void rejectsTheUsernameAsPassword() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> register("alice_liddell", "alice@example.com", "Alice_Liddell"));
        assertEquals("password", e.violations().get(0).field());
    }

    @Test
    void refusesATakenUsernameInAnyCaseOrATakenEmailNamingTheFieldWithoutHashing() {
        register("alice", "alice@example.com", PASSWORD);
        int hashes = kit.hasher.hashCount();
        UsernameOrEmailTaken name = assertThrows(UsernameOrEmailTaken.class,
                () -> register("ALICE", "new@example.com", PASSWORD));
        assertEquals("username", name.violations().get(0).field());
        UsernameOrEmailTaken email = assertThrows(UsernameOrEmailTaken.class,
                () -> register("alice2", "ALICE@example.com", PASSWORD));
        assertEquals("email", email.violations().get(0).field());
        UsernameOrEmailTaken both = assertThrows(UsernameOrEmailTaken.class,
                () -> register("Alice", "alice@example.com", PASSWORD));
        assertEquals(2, both.violations().size());
        assertEquals(hashes, kit.hasher.hashCount());
    }

    @Test
    void theThirtyFirstAttemptFromOneAddressInAnHourIsThrottledTakenNamesCountingToo() {
        register("alice", "alice@example.com", PASSWORD);
        for (int i = 1; i < 30; i++) {
            // Probing which emails are taken spends the same budget as registering.
            assertThrows(UsernameOrEmailTaken.class, () -> register("probe", "alice@example.com", PASSWORD));
        }
        int hashes = kit.hasher.hashCount();
        RegistrationThrottled throttled = assertThrows(RegistrationThrottled.class,
                () -> register("bob", "bob@example.com", PASSWORD));
        assertTrue(throttled.retryAfter().compareTo(Duration.ofHours(1)) <= 0, throttled.retryAfter().toString());
        assertTrue(kit.users.findByEmail(new Email("bob@example.com")).isEmpty());
        assertEquals(hashes, kit.hasher.hashCount(), "a throttled attempt costs no hash");

        User fromElsewhere = kit.register.register(new RegisterUserCommand("carol", "carol@example.com", PASSWORD,
                "10.0.0.2"));
        assertEquals("carol", fromElsewhere.username().value());
        kit.time.advance(Duration.ofHours(1));
        assertEquals("bob", register("bob", "bob@example.com", PASSWORD).username().value());
    }

    @Test
    void invalidInputIsRefusedWithoutSpendingTheAddressesBudget() {
        for (int i = 0; i < 40; i++) {
            assertThrows(InvalidInputException.class, () -> register("a", "not-an-email", PASSWORD));
        }
        assertEquals("alice", register("alice", "alice@example.com", PASSWORD).username().value());
    }
}
