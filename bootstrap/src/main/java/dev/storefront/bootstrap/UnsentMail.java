package dev.storefront.bootstrap;

import dev.storefront.domain.common.LinePerInterval;
import dev.storefront.domain.port.out.AccountMailer;
import dev.storefront.domain.port.out.PasswordResetNotifier;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * The embedded default when the host gave no mailer: a library must not write files it was not
 * told to, so the mail is not sent and a WARNING says so, at most one line a minute per kind of
 * mail however many requests come (never the address or the token).
 */
final class UnsentMail implements PasswordResetNotifier, AccountMailer {
    private static final System.Logger LOG = System.getLogger(UnsentMail.class.getName());
    private final LinePerInterval resetWarnings = everyMinute();
    private final LinePerInterval accountMailWarnings = everyMinute();

    private static LinePerInterval everyMinute() {
        return new LinePerInterval(System::nanoTime, Duration.ofMinutes(1).toNanos());
    }

    @Override
    public void sendPasswordReset(PasswordResetMessage message) {
        warn(resetWarnings, "password reset mail(s)", "PasswordResetNotifier", "passwordResetNotifier");
    }

    @Override
    public void sendEmailVerification(VerificationMessage message) {
        warn(accountMailWarnings, "account mail(s)", "AccountMailer", "accountMailer");
    }

    @Override
    public void sendEmailChangeNotice(EmailChangeNotice notice) {
        warn(accountMailWarnings, "account mail(s)", "AccountMailer", "accountMailer");
    }

    private static void warn(LinePerInterval warnings, String what, String port, String builderMethod) {
        long unsent = warnings.count();
        if (unsent > 0) {
            LOG.log(Level.WARNING, "{0} " + what + " not sent: no " + port + " is configured"
                    + " (Storefront.builder()." + builderMethod + "(yourMailer))", unsent);
        }
    }
}
