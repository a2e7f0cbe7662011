package dev.storefront.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.NewUser;
import dev.storefront.domain.user.PasswordHash;
import dev.storefront.domain.user.Role;
import dev.storefront.domain.user.SecondFactors;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.UserId;
import dev.storefront.domain.user.Username;
import dev.storefront.domain.user.UsernameOrEmailTaken;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link UserRepository} does. Subclasses give a fresh, empty repository per test. */
public abstract class UserRepositoryContract {
    protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");
    private UserRepository users;

    protected abstract UserRepository createRepository();

    @BeforeEach
    void setUp() {
        users = createRepository();
    }

    protected static NewUser newUser(String name, String email) {
        return NewUser.customer(new Username(name), new Email(email), new PasswordHash("$2y$04$hash-of-" + name), T0);
    }

    @Test
    void addGivesDistinctIdsAndStoresEveryField() {
        User alice = users.add(newUser("Alice", "alice@example.com"));
        User bob = users.add(newUser("bob", "bob@example.com"));
        assertNotEquals(alice.id(), bob.id());
        User found = users.findById(alice.id()).orElseThrow();
        assertEquals(alice, found);
        assertEquals("Alice", found.username().value());
        assertEquals(Role.CUSTOMER, found.role());
        assertEquals(T0, found.createdAt());
        assertTrue(found.lastLogin().isEmpty());
    }

    @Test
    void findsByUsernameIgnoringCaseAndByEmail() {
        User alice = users.add(newUser("Alice", "alice@example.com"));
        assertEquals(alice.id(), users.findByUsername(new Username("aLiCe")).orElseThrow().id());
        assertEquals(alice.id(), users.findByEmail(new Email("ALICE@example.com")).orElseThrow().id());
        assertTrue(users.findByUsername(new Username("nobody")).isEmpty());
        assertTrue(users.findByEmail(new Email("nobody@example.com")).isEmpty());
        assertTrue(users.findById(new UserId(999_999)).isEmpty());
    }

    @Test
    void refusesATakenUsernameInAnyCaseOrATakenEmail() {
        users.add(newUser("alice", "alice@example.com"));
        UsernameOrEmailTaken name = assertThrows(UsernameOrEmailTaken.class,
                () -> users.add(newUser("ALICE", "other@example.com")));
        assertTrue(name.usernameTaken() && !name.emailTaken());
        UsernameOrEmailTaken email = assertThrows(UsernameOrEmailTaken.class,
                () -> users.add(newUser("other", "alice@example.com")));
        assertTrue(email.emailTaken() && !email.usernameTaken());
    }

    @Test
    void updateSavesEveryChangedField() {
        User alice = users.add(newUser("alice", "alice@example.com"));
        Instant login = T0.plusSeconds(60);
        User changed = alice.withUsername(new Username("alice2")).withEmail(new Email("a2@example.com"))
                .withPasswordHash(new PasswordHash("$2y$12$new")).withRole(Role.ADMIN).loggedInAt(login);
        users.update(changed);
        assertEquals(changed, users.findById(alice.id()).orElseThrow());
        assertTrue(users.findByUsername(new Username("alice")).isEmpty());
    }

    @Test
    void aNewUserIsUnverifiedWithNothingPendingAndNoSecondFactor() {
        User alice = users.add(newUser("alice", "alice@example.com"));
        User found = users.findById(alice.id()).orElseThrow();
        assertFalse(found.emailVerified());
        assertTrue(found.pendingEmailChange().isEmpty());
        assertEquals(SecondFactors.NONE, found.secondFactors());
    }

    @Test
    void updateSavesVerificationThePendingEmailAndTheSecondFactors() {
        User alice = users.add(newUser("alice", "alice@example.com"));
        User changed = alice.withEmailVerified(true).withPendingEmail(new Email("new@example.com"))
                .withSecondFactors(new SecondFactors(true, 3));
        users.update(changed);
        assertEquals(changed, users.findById(alice.id()).orElseThrow());
        assertEquals(changed, users.findByIdForUpdate(alice.id()).orElseThrow());
        // Login by email uses the current address, never the pending one.
        assertTrue(users.findByEmail(new Email("new@example.com")).isEmpty());

        User cleared = changed.withPendingEmail(null).withSecondFactors(SecondFactors.NONE);
        users.update(cleared);
        assertEquals(cleared, users.findById(alice.id()).orElseThrow());
    }

    @Test
    void updateRefusesAnotherUsersNameOrEmailButNotOnesOwn() {
        User alice = users.add(newUser("alice", "alice@example.com"));
        users.add(newUser("bob", "bob@example.com"));
        assertThrows(UsernameOrEmailTaken.class, () -> users.update(alice.withUsername(new Username("BOB"))));
        assertThrows(UsernameOrEmailTaken.class, () -> users.update(alice.withEmail(new Email("bob@example.com"))));
        users.update(alice.withUsername(new Username("ALICE")));
        assertEquals("ALICE", users.findById(alice.id()).orElseThrow().username().value());
    }

    @Test
    void updateOfAnUnknownUserFails() {
        User ghost = User.restore(new UserId(424_242), new Username("ghost"), new Email("g@example.com"),
                new PasswordHash("x"), Role.CUSTOMER, T0, null, false, null, SecondFactors.NONE);
        assertThrows(IllegalStateException.class, () -> users.update(ghost));
    }

    @Test
    void findByIdForUpdateReadsWhatFindByIdReads() {
        User alice = users.add(newUser("alice", "alice@example.com"));
        assertEquals(alice, users.findByIdForUpdate(alice.id()).orElseThrow());
        assertTrue(users.findByIdForUpdate(new UserId(424_242)).isEmpty());
    }

    @Test
    void aSecondAddOfTheSameUsernameOrEmailIsTheDomainsConflictNotADatabaseError() {
        users.add(newUser("alice", "alice@example.com"));
        // What two racing registrations come to once both passed the service's check: the store's
        // unique constraint decides, and the loser gets the 409's exception, never a 500.
        UsernameOrEmailTaken both = assertThrows(UsernameOrEmailTaken.class,
                () -> users.add(newUser("alice", "alice@example.com")));
        assertTrue(both.usernameTaken() || both.emailTaken());
        assertTrue(users.findByUsername(new Username("alice")).isPresent());
        users.add(newUser("bob", "bob@example.com")); // the store still takes writes
    }

    @Test
    void anErasedUserIsFoundByNoFinder() {
        User alice = users.add(newUser("alice", "alice@example.com"));
        users.update(alice.withEmailVerified(true).withPendingEmail(new Email("next@example.com"))
                .withSecondFactors(new SecondFactors(true, 2)).loggedInAt(T0.plusSeconds(5)));
        User bob = users.add(newUser("bob", "bob@example.com"));

        assertTrue(users.erase(alice.id(), T0.plusSeconds(60)));

        assertTrue(users.findById(alice.id()).isEmpty());
        assertTrue(users.findByIdForUpdate(alice.id()).isEmpty());
        assertTrue(users.findByUsername(new Username("alice")).isEmpty());
        assertTrue(users.findByEmail(new Email("alice@example.com")).isEmpty());
        assertTrue(users.findByEmail(new Email("next@example.com")).isEmpty());
        assertEquals(bob, users.findById(bob.id()).orElseThrow(), "other users are left alone");
    }

    @Test
    void anErasedUsersNameInAnyCaseAndEmailAreFreeAgainForANewId() {
        User alice = users.add(newUser("alice", "alice@example.com"));
        users.erase(alice.id(), T0.plusSeconds(60));

        User again = users.add(newUser("ALICE", "alice@example.com"));

        assertNotEquals(alice.id(), again.id());
        assertEquals(again.id(), users.findByUsername(new Username("alice")).orElseThrow().id());
        assertEquals(again.id(), users.findByEmail(new Email("alice@example.com")).orElseThrow().id());
        assertTrue(users.findById(alice.id()).isEmpty(), "the tombstone stays erased");
        User bob = users.add(newUser("bob", "bob@example.com"));
        users.erase(bob.id(), T0.plusSeconds(61));
        users.update(again.withUsername(new Username("bob")).withEmail(new Email("bob@example.com")));
        assertEquals("bob", users.findById(again.id()).orElseThrow().username().value());
    }

    @Test
    void erasingTwiceOrAnUnknownUserErasesNothing() {
        User alice = users.add(newUser("alice", "alice@example.com"));
        assertTrue(users.erase(alice.id(), T0.plusSeconds(60)));
        assertFalse(users.erase(alice.id(), T0.plusSeconds(61)));
        assertFalse(users.erase(new UserId(424_242), T0.plusSeconds(61)));
    }

    @Test
    void updateOfAnErasedUserFailsAndBringsNothingBack() {
        User alice = users.add(newUser("alice", "alice@example.com"));
        users.erase(alice.id(), T0.plusSeconds(60));
        assertThrows(IllegalStateException.class, () -> users.update(alice.loggedInAt(T0.plusSeconds(61))));
        assertThrows(IllegalStateException.class, () -> users.update(alice.withRole(Role.ADMIN)));
        assertTrue(users.findById(alice.id()).isEmpty());
        assertTrue(users.findByUsername(new Username("alice")).isEmpty());
    }
}
