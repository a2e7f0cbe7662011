package dev.storefront.bootstrap;

import dev.storefront.domain.port.out.AccountMailer;
import dev.storefront.domain.port.out.PasswordResetNotifier;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sends account mail (reset messages, verification links, change notices) off the request thread,
 * one queue for all of it, in order. A reset request for a known email must take as long as one
 * for an unknown email, and a mailer (a file, SMTP) takes time only for the known one: handing the
 * message over makes both answers equally quick. A full queue drops the message with a log line
 * (the user can ask again); {@link #close()} delivers what is queued. Messages and their tokens are
 * never logged.
 */
final class AsyncMail implements PasswordResetNotifier, AccountMailer, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AsyncMail.class.getName());
    static final int QUEUE = 1_000;

    private final PasswordResetNotifier resets;
    private final AccountMailer accountMail;
    private final ThreadPoolExecutor executor;

    AsyncMail(PasswordResetNotifier resets, AccountMailer accountMail) {
        this.resets = Objects.requireNonNull(resets, "resets");
        this.accountMail = Objects.requireNonNull(accountMail, "accountMail");
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), runnable -> {
            Thread thread = new Thread(runnable, "storefront-mail");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void sendPasswordReset(PasswordResetMessage message) {
        submit("password reset message", () -> resets.sendPasswordReset(message));
    }

    @Override
    public void sendEmailVerification(VerificationMessage message) {
        submit("email verification message", () -> accountMail.sendEmailVerification(message));
    }

    @Override
    public void sendEmailChangeNotice(EmailChangeNotice notice) {
        submit("email change notice", () -> accountMail.sendEmailChangeNotice(notice));
    }

    private void submit(String what, Runnable delivery) {
        try {
            executor.execute(() -> {
                try {
                    delivery.run();
                } catch (RuntimeException e) {
                    // The message (and its token) is not logged; the user can request another.
                    LOG.log(Level.ERROR, "sending a " + what + " failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, what + " dropped: the mail queue is full");
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
