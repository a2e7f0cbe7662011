package dev.storefront.application.account;

import static dev.storefront.application.account.AccountKit.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.common.NotAuthenticatedException;
import dev.storefront.domain.port.in.account.ConfirmEmailVerificationUseCase.ConfirmEmailVerificationCommand;
import dev.storefront.domain.port.in.account.RegisterUserCommand;
import dev.storefront.domain.port.in.account.RequestEmailVerificationUseCase.RequestEmailVerificationCommand;
import dev.storefront.domain.port.in.account.RequestPasswordResetUseCase.RequestPasswordResetCommand;
import dev.storefront.domain.port.in.account.UpdateProfileCommand;
import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.AccountMailer.EmailChangeNotice;
import dev.storefront.domain.port.out.AccountMailer.VerificationMessage;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.EmailVerificationThrottled;
import dev.storefront.domain.user.InvalidVerificationToken;
import dev.storefront.domain.user.NothingToVerify;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.UserId;
import dev.storefront.domain.user.UsernameOrEmailTaken;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmailVerificationServicesTest {
    private final AccountKit kit = new AccountKit();

    private String lastToken() {
        return kit.mailer.lastVerification().orElseThrow().token();
    }

    private void confirm(String token) {
        kit.confirmVerification.confirmEmailVerification(new ConfirmEmailVerificationCommand(token, "10.0.0.1"));
    }

    private void requestMail(User user) {
        kit.requestVerification.requestEmailVerification(new RequestEmailVerificationCommand(user.id(), "10.0.0.1"));
    }

    private User changeEmail(User user, String email) {
        return kit.updateProfile.updateProfile(new UpdateProfileCommand(user.id(), Optional.empty(), Optional.of(email),
                PASSWORD, "10.0.0.1"));
    }

    private User current(UserId id) {
        return kit.users.findById(id).orElseThrow();
    }

    private List<AccountEvents.Type> events() {
        return kit.events.events().stream().map(AccountEvents.AccountEvent::type).toList();
    }

    @Test
    void registrationMailsAVerificationThatVerifiesTheAddressOnce() {
        User alice = kit.registered("alice");
        VerificationMessage mail = kit.mailer.lastVerification().orElseThrow();
        assertEquals(alice.email(), mail.to());
        assertEquals(kit.time.now().plus(Duration.ofHours(24)), mail.expiresAt());
        assertFalse(mail.toString().contains(mail.token()), "the token stays out of logs");
        assertFalse(current(alice.id()).emailVerified());

        confirm(mail.token());
        assertTrue(current(alice.id()).emailVerified());
        assertThrows(InvalidVerificationToken.class, () -> confirm(mail.token()), "used");
        assertTrue(events().containsAll(List.of(AccountEvents.Type.EMAIL_VERIFICATION_SENT,
                AccountEvents.Type.EMAIL_VERIFIED)), events().toString());
    }

    @Test
    void aNewMailSupersedesTheOlderTokenAndVerifiedAccountsHaveNothingToVerify() {
        User alice = kit.registered("alice");
        String first = lastToken();
        requestMail(alice);
        String second = lastToken();
        assertThrows(InvalidVerificationToken.class, () -> confirm(first), "superseded");
        confirm(second);
        assertThrows(NothingToVerify.class, () -> requestMail(alice));
    }

    @Test
    void wrongMalformedAndExpiredTokensGetTheSameAnswer() {
        kit.registered("alice");
        String token = lastToken();
        InvalidVerificationToken wrong = assertThrows(InvalidVerificationToken.class,
                () -> confirm(kit.tokens.newSecret()));
        InvalidVerificationToken malformed = assertThrows(InvalidVerificationToken.class, () -> confirm("x"));
        kit.time.advance(Duration.ofHours(24));
        InvalidVerificationToken expired = assertThrows(InvalidVerificationToken.class, () -> confirm(token));
        assertEquals(wrong.getMessage(), malformed.getMessage());
        assertEquals(wrong.getMessage(), expired.getMessage());
        assertEquals(1, kit.verificationTokens.deleteExpired(kit.time.now()), "left for the sweep");
    }

    @Test
    void moreThanFiveMailsAnHourAreThrottledPerAccount() {
        User alice = kit.registered("alice");
        User bob = kit.registered("bob");
        for (int i = 0; i < RequestEmailVerificationService.MAX_PER_HOUR; i++) {
            requestMail(alice);
        }
        int sent = kit.mailer.verifications().size();
        EmailVerificationThrottled throttled = assertThrows(EmailVerificationThrottled.class, () -> requestMail(alice));
        assertTrue(throttled.retryAfter().compareTo(Duration.ofHours(1)) <= 0);
        assertEquals(sent, kit.mailer.verifications().size(), "no mail when throttled");
        requestMail(bob);
        kit.time.advance(Duration.ofHours(1));
        requestMail(alice);
    }

    @Test
    void requestingAMailNeedsAnAccount() {
        assertThrows(NotAuthenticatedException.class, () -> kit.requestVerification.requestEmailVerification(
                new RequestEmailVerificationCommand(new UserId(999), null)));
    }

    @Test
    void anEmailChangeWaitsForTheNewAddressAndTellsTheOldOneWithoutAToken() {
        User alice = kit.registered("alice");
        confirm(lastToken());
        User changed = changeEmail(alice, "Alice.New@example.com");
        assertEquals(alice.email(), changed.email(), "the address stays until confirmed");
        assertEquals(new Email("alice.new@example.com"), changed.pendingEmail());
        assertEquals(changed, current(alice.id()));
        VerificationMessage mail = kit.mailer.lastVerification().orElseThrow();
        assertEquals(new Email("alice.new@example.com"), mail.to());
        assertEquals(List.of(new EmailChangeNotice(alice.email(), alice.username(), new Email("alice.new@example.com"))),
                kit.mailer.notices());
        assertTrue(events().contains(AccountEvents.Type.EMAIL_CHANGE_REQUESTED));
        kit.time.advance(Duration.ofHours(24));
        assertEquals(1, kit.sweep.sweepExpired(), "the sweep removes an expired verification token");
        kit.requestVerification.requestEmailVerification(new RequestEmailVerificationCommand(alice.id(), null));
        mail = kit.mailer.lastVerification().orElseThrow();
        assertTrue(kit.login("alice@example.com", PASSWORD).user().id().equals(alice.id()), "login by the old email");

        // A reset mailed to the old address dies with the swap.
        kit.requestReset.requestPasswordReset(new RequestPasswordResetCommand("alice@example.com", "10.0.0.1"));
        confirm(mail.token());
        User swapped = current(alice.id());
        assertEquals(new Email("alice.new@example.com"), swapped.email());
        assertTrue(swapped.emailVerified());
        assertTrue(swapped.pendingEmailChange().isEmpty());
        assertEquals(0, kit.resetTokens.deleteByUser(alice.id()), "the reset token died with the swap");
    }

    @Test
    void aResentMailGoesToThePendingAddressAndATokenForAnEarlierPendingAddressConfirmsNothing() {
        User alice = kit.registered("alice");
        changeEmail(alice, "first@example.com");
        String forFirst = lastToken();
        changeEmail(alice, "second@example.com");
        assertThrows(InvalidVerificationToken.class, () -> confirm(forFirst));
        requestMail(alice);
        assertEquals(new Email("second@example.com"), kit.mailer.lastVerification().orElseThrow().to());
        confirm(lastToken());
        assertEquals(new Email("second@example.com"), current(alice.id()).email());
    }

    @Test
    void settingTheCurrentEmailWithdrawsAPendingChange() {
        User alice = kit.registered("alice");
        changeEmail(alice, "new@example.com");
        String token = lastToken();
        User withdrawn = changeEmail(alice, "alice@example.com");
        assertTrue(withdrawn.pendingEmailChange().isEmpty());
        assertThrows(InvalidVerificationToken.class, () -> confirm(token));
        assertEquals(new Email("alice@example.com"), current(alice.id()).email());
    }

    @Test
    void anAddressTakenMeanwhileIsAConflictAndChangesNothing() {
        User alice = kit.registered("alice");
        changeEmail(alice, "wanted@example.com");
        String token = lastToken();
        kit.register.register(new RegisterUserCommand("bob", "wanted@example.com", PASSWORD, "10.0.0.2"));
        User before = current(alice.id());

        UsernameOrEmailTaken taken = assertThrows(UsernameOrEmailTaken.class, () -> confirm(token));
        assertTrue(taken.emailTaken());
        assertEquals(before, current(alice.id()));
        assertThrows(UsernameOrEmailTaken.class, () -> confirm(token), "the token was not used up");
        assertThrows(UsernameOrEmailTaken.class, () -> changeEmail(alice, "wanted@example.com"),
                "another account's email is refused at once");
    }
}
