package dev.storefront.application.account;

import dev.storefront.domain.port.in.account.ConfirmPasswordResetUseCase;
import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.PasswordHasher;
import dev.storefront.domain.port.out.PasswordResetTokenRepository;
import dev.storefront.domain.port.out.SessionRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.session.SessionToken;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.InvalidResetToken;
import dev.storefront.domain.user.Password;
import dev.storefront.domain.user.PasswordHash;
import dev.storefront.domain.user.PasswordPolicy;
import dev.storefront.domain.user.PasswordResetToken;
import dev.storefront.domain.user.User;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Sets a new password with a reset token. A weak password leaves the token usable (the user may
 * try another); a successful reset uses up every token of the user and ends all their sessions.
 */
public final class ConfirmPasswordResetService implements ConfirmPasswordResetUseCase {
    private final Transactions transactions;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final PasswordResetTokenRepository resetTokens;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final TokenGenerator tokens;
    private final TimeSource time;
    private final Audit audit;

    @Inject
    public ConfirmPasswordResetService(Transactions transactions, UserRepository users, SessionRepository sessions,
                                       PasswordResetTokenRepository resetTokens, PasswordHasher hasher,
                                       PasswordPolicy policy, TokenGenerator tokens, AccountEvents events,
                                       TimeSource time) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.users = Objects.requireNonNull(users, "users");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.resetTokens = Objects.requireNonNull(resetTokens, "resetTokens");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.time = Objects.requireNonNull(time, "time");
        this.audit = new Audit(Objects.requireNonNull(events, "events"));
    }

    private record Valid(PasswordResetToken token, User user) {}

    @Override
    public void confirmPasswordReset(ConfirmPasswordResetCommand command) {
        // Our tokens have the shape of session secrets; anything else cannot be one.
        if (SessionToken.parse(command.token()).isEmpty()) {
            throw new InvalidResetToken();
        }
        TokenDigest digest = tokens.digest(command.token());
        Instant now = time.now();
        Valid valid = transactions.readOnly(() -> find(digest, now)).orElseThrow(InvalidResetToken::new);
        Password password = Password.of(command.newPassword());
        policy.require("newPassword", password, valid.user().username(), valid.user().email());
        PasswordHash hash = hasher.hash(password);

        transactions.inTransaction(() -> {
            // Consumed in one statement: a token is used once, however many requests race for it.
            PasswordResetToken token = resetTokens.consume(digest, now).orElseThrow(InvalidResetToken::new);
            User user = users.findByIdForUpdate(token.userId()).orElseThrow(InvalidResetToken::new);
            users.update(user.withPasswordHash(hash));
            resetTokens.deleteByUser(user.id());
            sessions.deleteByUser(user.id());
        });
        audit.record(AccountEvents.Type.PASSWORD_RESET_COMPLETED, now, valid.user().id(), command.clientAddress());
    }

    private Optional<Valid> find(TokenDigest digest, Instant now) {
        return resetTokens.findByDigest(digest)
                .filter(token -> token.isValidAt(now))
                .flatMap(token -> users.findById(token.userId()).map(user -> new Valid(token, user)));
    }
}
