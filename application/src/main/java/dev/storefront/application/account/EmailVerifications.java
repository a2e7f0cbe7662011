package dev.storefront.application.account;

import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.AccountMailer;
import dev.storefront.domain.port.out.AccountMailer.EmailChangeNotice;
import dev.storefront.domain.port.out.AccountMailer.VerificationMessage;
import dev.storefront.domain.port.out.EmailVerificationTokenRepository;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.EmailVerificationToken;
import dev.storefront.domain.user.User;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;

/**
 * Issuing a verification token and mailing it, shared by registration, the email change and the
 * request for a new mail. {@link #issue} runs inside the caller's write transaction (the user's
 * older token dies with it); the mail goes out after commit ({@link #send}), so a rolled-back
 * change mails nothing. A failing mailer is logged, not reported: the user can ask again.
 */
final class EmailVerifications {
    private static final System.Logger LOG = System.getLogger(EmailVerifications.class.getName());
    /** How long a verification link works. */
    static final Duration LIFETIME = Duration.ofHours(24);

    private final EmailVerificationTokenRepository verificationTokens;
    private final TokenGenerator tokens;
    private final AccountMailer mailer;
    private final Audit audit;

    EmailVerifications(EmailVerificationTokenRepository verificationTokens, TokenGenerator tokens,
                       AccountMailer mailer, Audit audit) {
        this.verificationTokens = verificationTokens;
        this.tokens = tokens;
        this.mailer = mailer;
        this.audit = audit;
    }

    /** A token stored in the open transaction, and its mail, which waits for the commit. */
    record Issued(User user, VerificationMessage message) {}

    /** Must run inside a write transaction: stores a new token for {@code address}, the user's only one. */
    Issued issue(User user, Email address, Instant now) {
        String secret = tokens.newSecret();
        Instant expiresAt = now.plus(LIFETIME);
        verificationTokens.issue(new EmailVerificationToken(tokens.digest(secret), user.id(), address, now,
                expiresAt));
        return new Issued(user, new VerificationMessage(address, user.username(), secret, expiresAt));
    }

    /** After commit: mails the token. */
    void send(Issued issued, Instant now, String clientAddress) {
        User user = issued.user();
        try {
            mailer.sendEmailVerification(issued.message());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "sending an email verification to user " + user.id() + " failed", e);
        }
        audit.record(AccountEvents.Type.EMAIL_VERIFICATION_SENT, now, user.id(), clientAddress);
    }

    /** After commit: tells the current address that a change to {@code newEmail} waits (no token). */
    void sendChangeNotice(User user, Email newEmail) {
        try {
            mailer.sendEmailChangeNotice(new EmailChangeNotice(user.email(), user.username(), newEmail));
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "sending an email change notice to user " + user.id() + " failed", e);
        }
    }
}
