package dev.storefront.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UserTest {
    private final User user = User.restore(new UserId(7), new Username("alice"), new Email("alice@example.com"),
            new PasswordHash("h1"), Role.CUSTOMER, Instant.parse("2026-01-01T00:00:00Z"), null, false, null, SecondFactors.NONE);

    @Test
    void changesReturnNewUsersAndKeepTheRest() {
        User admin = user.withRole(Role.ADMIN);
        assertTrue(admin.isAdmin());
        assertFalse(user.isAdmin());
        assertEquals(user.username(), admin.username());
        Instant at = Instant.parse("2026-02-01T00:00:00Z");
        assertEquals(at, user.loggedInAt(at).lastLogin().orElseThrow());
        assertTrue(user.lastLogin().isEmpty());
    }

    @Test
    void resetTokensAreValidUntilTheyExpire() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        PasswordResetToken token = new PasswordResetToken(new dev.storefront.domain.session.TokenDigest("c".repeat(64)),
                user.id(), t0, t0.plusSeconds(1800));
        assertTrue(token.isValidAt(t0.plusSeconds(1799)));
        assertFalse(token.isValidAt(t0.plusSeconds(1800)));
        assertThrows(IllegalArgumentException.class, () -> new PasswordResetToken(token.digest(), user.id(), t0, t0));
    }

    @Test
    void takenConflictNamesTheTakenFields() {
        assertEquals("username", new UsernameOrEmailTaken(true, false).violations().get(0).field());
        assertEquals("email", new UsernameOrEmailTaken(false, true).violations().get(0).field());
        assertEquals(2, new UsernameOrEmailTaken(true, true).violations().size());
    }
}
