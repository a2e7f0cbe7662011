package dev.storefront.application.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storefront.domain.port.in.account.ChangePasswordCommand;
import dev.storefront.domain.port.in.account.ConfirmPasswordResetUseCase.ConfirmPasswordResetCommand;
import dev.storefront.domain.port.in.account.GrantAdminUseCase.GrantAdminCommand;
import dev.storefront.domain.port.in.account.LogInUseCase.LoggedIn;
import dev.storefront.domain.port.in.account.RequestPasswordResetUseCase.RequestPasswordResetCommand;
import dev.storefront.domain.port.in.account.UpdateProfileCommand;
import dev.storefront.domain.port.out.LockKey;
import dev.storefront.domain.port.out.PasswordResetTokenRepository;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.InvalidResetToken;
import dev.storefront.domain.user.PasswordResetToken;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every use case that writes a user row back whole reads it for update first, and a reset token is
 * consumed in one step: what keeps them right on an engine whose writers run at once.
 */
class UserRowLocksTest {
    private final AccountKit kit = new AccountKit();

    @Test
    void loginReadsTheUserForUpdateBeforeWritingItsLastLogin() {
        User alice = kit.registered("alice");
        kit.login("alice", AccountKit.PASSWORD);
        assertEquals(List.of(alice.id()), kit.users.readForUpdate());
    }

    @Test
    void profileUpdatePasswordChangeAndGrantAdminReadTheUserForUpdate() {
        User alice = kit.registered("alice");
        LoggedIn in = kit.login("alice", AccountKit.PASSWORD);

        kit.updateProfile.updateProfile(new UpdateProfileCommand(alice.id(), Optional.of("alice2"), Optional.empty(),
                AccountKit.PASSWORD, "10.0.0.1"));
        kit.changePassword.changePassword(new ChangePasswordCommand(alice.id(), in.session().token(),
                AccountKit.PASSWORD, "a brand new secret 9", "10.0.0.1", "JUnit"));
        kit.grantAdmin.grantAdmin(new GrantAdminCommand("alice2"));

        assertEquals(List.of(alice.id(), alice.id(), alice.id(), alice.id()), kit.users.readForUpdate());
    }

    @Test
    void aResetIsConfirmedByConsumingItsTokenAndReadingTheUserForUpdate() {
        User alice = kit.registered("alice");
        kit.requestReset.requestPasswordReset(new RequestPasswordResetCommand("alice@example.com", "10.0.0.1"));
        String token = kit.notifier.last().orElseThrow().token();
        List<TokenDigest> consumed = new ArrayList<>();
        var service = new ConfirmPasswordResetService(kit.transactions, kit.users,
                kit.sessions, recordingConsumes(kit.resetTokens, consumed), kit.hasher, kit.policy, kit.tokens, kit.events,
                kit.time);

        service.confirmPasswordReset(new ConfirmPasswordResetCommand(token, "a brand new secret 9", "10.0.0.1"));

        assertEquals(List.of(kit.tokens.digest(token)), consumed);
        assertEquals(List.of(alice.id()), kit.users.readForUpdate());
        assertThrows(InvalidResetToken.class, () -> service.confirmPasswordReset(
                new ConfirmPasswordResetCommand(token, "yet another secret 8", "10.0.0.1")));
    }

    @Test
    void aResetRequestLocksTheEmailKnownOrNot() {
        kit.registered("alice");
        kit.requestReset.requestPasswordReset(new RequestPasswordResetCommand("alice@example.com", "10.0.0.1"));
        kit.requestReset.requestPasswordReset(new RequestPasswordResetCommand("nobody@example.com", "10.0.0.2"));
        assertEquals(List.of(LockKey.passwordResets(new Email("alice@example.com")),
                LockKey.passwordResets(new Email("nobody@example.com"))), kit.locks.taken());
    }

    /** The repository, recording which tokens were consumed. */
    private PasswordResetTokenRepository recordingConsumes(PasswordResetTokenRepository tokens, List<TokenDigest> consumed) {
        return new PasswordResetTokenRepository() {
            @Override
            public void issue(Email email, TokenDigest digest, Instant createdAt, Instant expiresAt, int maxLive) {
                tokens.issue(email, digest, createdAt, expiresAt, maxLive);
            }

            @Override
            public Optional<PasswordResetToken> findByDigest(TokenDigest digest) {
                return tokens.findByDigest(digest);
            }

            @Override
            public Optional<PasswordResetToken> consume(TokenDigest digest, Instant now) {
                consumed.add(digest);
                return tokens.consume(digest, now);
            }

            @Override
            public int deleteByUser(UserId userId) {
                return tokens.deleteByUser(userId);
            }

            @Override
            public int deleteExpired(Instant now) {
                return tokens.deleteExpired(now);
            }
        };
    }
}
