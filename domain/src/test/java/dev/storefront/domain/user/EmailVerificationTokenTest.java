package dev.storefront.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.session.TokenDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmailVerificationTokenTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Email OLD = new Email("alice@example.com");
    private static final Email NEW = new Email("alice.new@example.com");
    private static final User ALICE = User.registered(new UserId(1), NewUser.customer(new Username("alice"), OLD,
            new PasswordHash("h"), T0));

    private static EmailVerificationToken tokenFor(Email address) {
        return new EmailVerificationToken(new TokenDigest("a".repeat(64)), ALICE.id(), address, T0,
                T0.plus(Duration.ofHours(24)));
    }

    @Test
    void aNewAccountVerifiesItsOwnAddress() {
        assertEquals(Optional.of(OLD), EmailVerificationToken.addressToVerify(ALICE));
        User verified = tokenFor(OLD).confirm(ALICE).orElseThrow();
        assertTrue(verified.emailVerified());
        assertEquals(OLD, verified.email());
    }

    @Test
    void aVerifiedAccountWithNothingPendingHasNothingToVerify() {
        User verified = ALICE.withEmailVerified(true);
        assertEquals(Optional.empty(), EmailVerificationToken.addressToVerify(verified));
        assertTrue(tokenFor(OLD).confirm(verified).isEmpty(), "a second confirmation changes nothing");
    }

    @Test
    void aPendingChangeIsWhatIsVerifiedAndConfirmingSwapsTheAddresses() {
        User pending = ALICE.withEmailVerified(true).withPendingEmail(NEW);
        assertEquals(Optional.of(NEW), EmailVerificationToken.addressToVerify(pending));
        User swapped = tokenFor(NEW).confirm(pending).orElseThrow();
        assertEquals(NEW, swapped.email());
        assertTrue(swapped.emailVerified(), "the new address counts as verified");
        assertTrue(swapped.pendingEmailChange().isEmpty());
    }

    @Test
    void aTokenForAnotherAddressConfirmsNothing() {
        User laterChange = ALICE.withPendingEmail(new Email("alice.later@example.com"));
        assertTrue(tokenFor(NEW).confirm(laterChange).isEmpty(), "a token for an earlier pending address");
        assertTrue(tokenFor(OLD).confirm(laterChange).isEmpty(), "the old address while a change is pending");
        User withdrawn = ALICE.withEmailVerified(true);
        assertTrue(tokenFor(NEW).confirm(withdrawn).isEmpty(), "a withdrawn change");
    }

    @Test
    void aTokenOfAnotherUserConfirmsNothing() {
        User bob = User.registered(new UserId(2), NewUser.customer(new Username("bob"), OLD, new PasswordHash("h"), T0));
        assertTrue(tokenFor(OLD).confirm(bob).isEmpty());
    }

    @Test
    void expiresAtItsExpiryAndMustExpireAfterItsCreation() {
        EmailVerificationToken token = tokenFor(OLD);
        assertTrue(token.isValidAt(T0.plus(Duration.ofHours(24)).minusMillis(1)));
        assertFalse(token.isValidAt(T0.plus(Duration.ofHours(24))));
        assertThrows(IllegalArgumentException.class, () -> new EmailVerificationToken(
                new TokenDigest("a".repeat(64)), ALICE.id(), OLD, T0, T0));
    }
}
