package dev.storefront.application.account;

import dev.storefront.domain.port.in.account.ConfirmEmailVerificationUseCase;
import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.EmailVerificationTokenRepository;
import dev.storefront.domain.port.out.PasswordResetTokenRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.session.SessionToken;
import dev.storefront.domain.session.TokenDigest;
import dev.storefront.domain.user.EmailVerificationToken;
import dev.storefront.domain.user.InvalidVerificationToken;
import dev.storefront.domain.user.User;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Objects;

/**
 * Confirms the address a verification token was mailed to, in one transaction: the token is
 * consumed in one statement (of racing confirmations exactly one wins), the user is read under its
 * row lock and updated. A pending address that was registered by another account meanwhile is
 * refused by the email's UNIQUE constraint ({@link dev.storefront.domain.user.UsernameOrEmailTaken},
 * 409) and the rollback keeps everything, the token included, as it was. After a swap the reset
 * tokens that went to the old address die.
 */
public final class ConfirmEmailVerificationService implements ConfirmEmailVerificationUseCase {
    private final Transactions transactions;
    private final UserRepository users;
    private final EmailVerificationTokenRepository verificationTokens;
    private final PasswordResetTokenRepository resetTokens;
    private final TokenGenerator tokens;
    private final TimeSource time;
    private final Audit audit;

    @Inject
    public ConfirmEmailVerificationService(Transactions transactions, UserRepository users,
                                           EmailVerificationTokenRepository verificationTokens,
                                           PasswordResetTokenRepository resetTokens, TokenGenerator tokens,
                                           AccountEvents events, TimeSource time) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.users = Objects.requireNonNull(users, "users");
        this.verificationTokens = Objects.requireNonNull(verificationTokens, "verificationTokens");
        this.resetTokens = Objects.requireNonNull(resetTokens, "resetTokens");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.time = Objects.requireNonNull(time, "time");
        this.audit = new Audit(Objects.requireNonNull(events, "events"));
    }

    @Override
    public void confirmEmailVerification(ConfirmEmailVerificationCommand command) {
        // Our tokens have the shape of session secrets; anything else cannot be one.
        if (SessionToken.parse(command.token()).isEmpty()) {
            throw new InvalidVerificationToken();
        }
        TokenDigest digest = tokens.digest(command.token());
        Instant now = time.now();
        User confirmed = transactions.inTransaction(() -> {
            EmailVerificationToken token = verificationTokens.consume(digest, now)
                    .orElseThrow(InvalidVerificationToken::new);
            User user = users.findByIdForUpdate(token.userId()).orElseThrow(InvalidVerificationToken::new);
            User verified = token.confirm(user).orElseThrow(InvalidVerificationToken::new);
            users.update(verified);
            if (!verified.email().equals(user.email())) {
                resetTokens.deleteByUser(user.id());
            }
            return verified;
        });
        audit.record(AccountEvents.Type.EMAIL_VERIFIED, now, confirmed.id(), command.clientAddress());
    }
}
