package dev.storefront.bootstrap;

import dev.storefront.domain.common.LinePerInterval;
import dev.storefront.domain.port.out.PasswordResetNotifier;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * The embedded default when the host gave no mailer: a library must not write files it was not
 * told to, so the reset mail is not sent and a WARNING says so, at most one line a minute however
 * many requests come (never the address or the token).
 */
final class UnsentPasswordResetNotifier implements PasswordResetNotifier {
    private static final System.Logger LOG = System.getLogger(UnsentPasswordResetNotifier.class.getName());
    private final LinePerInterval warnings = new LinePerInterval(System::nanoTime, Duration.ofMinutes(1).toNanos());

    @Override
    public void sendPasswordReset(PasswordResetMessage message) {
        long unsent = warnings.count();
        if (unsent > 0) {
            LOG.log(Level.WARNING, "{0} password reset mail(s) not sent: no PasswordResetNotifier is configured"
                    + " (Storefront.builder().passwordResetNotifier(yourMailer))", unsent);
        }
    }
}
