package dev.storefront.bootstrap;

import dev.storefront.domain.port.out.PasswordResetNotifier;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sends reset messages off the request thread. A reset request for a known email must take as
 * long as one for an unknown email, and a mailer (a file, SMTP) takes time only for the known one:
 * handing the message over makes both answers equally quick. A full queue drops the message with
 * a log line (the user can ask again); {@link #close()} delivers what is queued.
 */
final class AsyncPasswordResetNotifier implements PasswordResetNotifier, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(AsyncPasswordResetNotifier.class.getName());
    static final int QUEUE = 1_000;

    private final PasswordResetNotifier delegate;
    private final ThreadPoolExecutor executor;

    AsyncPasswordResetNotifier(PasswordResetNotifier delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), runnable -> {
            Thread thread = new Thread(runnable, "storefront-mail");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void sendPasswordReset(PasswordResetMessage message) {
        try {
            executor.execute(() -> {
                try {
                    delegate.sendPasswordReset(message);
                } catch (RuntimeException e) {
                    // The message (and its token) is not logged; the user can request another.
                    LOG.log(Level.ERROR, "sending a password reset message failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "password reset message dropped: the mail queue is full");
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
