package dev.storefront.application.account;

import static dev.storefront.application.account.AccountKit.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.in.account.UpdateProfileCommand;
import dev.storefront.domain.user.ProfileUpdateThrottled;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.UsernameOrEmailTaken;
import dev.storefront.domain.user.WrongCurrentPassword;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What PATCH /api/user tells a caller about other accounts, and how fast. */
class UpdateProfileServiceTest {
    private final AccountKit kit = new AccountKit();

    private User changeEmail(User user, String email, String currentPassword) {
        return kit.updateProfile.updateProfile(new UpdateProfileCommand(user.id(), Optional.empty(),
                Optional.of(email), currentPassword, "10.0.0.1"));
    }

    @Test
    void aWrongPasswordIsRefusedBeforeATakenEmailIsRevealed() {
        User alice = kit.registered("alice");
        kit.registered("bob");
        assertThrows(WrongCurrentPassword.class, () -> changeEmail(alice, "bob@example.com", "wrong password"));
        assertThrows(UsernameOrEmailTaken.class, () -> changeEmail(alice, "bob@example.com", PASSWORD));
    }

    @Test
    void anAccountProbesAtMostTenEmailsAnHour() {
        User alice = kit.registered("alice");
        User carol = kit.registered("carol");
        kit.registered("bob");
        for (int i = 0; i < UpdateProfileService.MAX_PER_HOUR; i++) {
            assertThrows(UsernameOrEmailTaken.class, () -> changeEmail(alice, "bob@example.com", PASSWORD));
        }
        ProfileUpdateThrottled throttled = assertThrows(ProfileUpdateThrottled.class,
                () -> changeEmail(alice, "bob@example.com", PASSWORD));
        assertTrue(throttled.retryAfter().compareTo(Duration.ofHours(1)) <= 0, throttled.retryAfter().toString());
        assertThrows(ProfileUpdateThrottled.class, () -> changeEmail(alice, "new-alice@example.com", PASSWORD),
                "an available email is throttled alike: the answer tells nothing");

        assertEquals("new-carol@example.com", changeEmail(carol, "new-carol@example.com", PASSWORD).pendingEmail().value(),
                "another account has its own budget");
        kit.time.advance(Duration.ofHours(1));
        assertEquals("new-alice@example.com", changeEmail(alice, "new-alice@example.com", PASSWORD).pendingEmail().value());
    }
}
