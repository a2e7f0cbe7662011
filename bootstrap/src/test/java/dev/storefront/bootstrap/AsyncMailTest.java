package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.out.PasswordResetNotifier;
import dev.storefront.domain.port.out.PasswordResetNotifier.PasswordResetMessage;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.port.out.AccountMailer.EmailChangeNotice;
import dev.storefront.domain.port.out.AccountMailer.VerificationMessage;
import dev.storefront.domain.user.Username;
import dev.storefront.inmemory.InMemoryAccountMailer;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AsyncMailTest {
    private static PasswordResetMessage message(String name) {
        return new PasswordResetMessage(new Email(name + "@example.com"), new Username(name), "token-" + name,
                Instant.parse("2026-11-22T10:30:00Z"));
    }

    @Test
    void theCallerDoesNotWaitForASlowMailerAndCloseDeliversWhatIsQueued() throws Exception {
        CountDownLatch mailerMayFinish = new CountDownLatch(1);
        List<String> delivered = new CopyOnWriteArrayList<>();
        PasswordResetNotifier slowMailer = message -> {
            try {
                mailerMayFinish.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            delivered.add(message.username().value());
        };
        AsyncMail notifier = new AsyncMail(slowMailer, new InMemoryAccountMailer());

        long started = System.nanoTime();
        notifier.sendPasswordReset(message("alice"));
        notifier.sendPasswordReset(message("bob"));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertTrue(delivered.isEmpty(), "nothing was delivered while the mailer is held");
        assertTrue(tookMillis < 1_000, "handing over did not wait for the mailer (" + tookMillis + " ms)");

        mailerMayFinish.countDown();
        notifier.close();
        assertEquals(List.of("alice", "bob"), delivered);
    }

    @Test
    void aFailingMailerDoesNotStopLaterMessages() {
        List<String> delivered = new CopyOnWriteArrayList<>();
        AsyncMail notifier = new AsyncMail(message -> {
            if (message.username().value().equals("broken")) {
                throw new IllegalStateException("smtp down");
            }
            delivered.add(message.username().value());
        }, new InMemoryAccountMailer());
        notifier.sendPasswordReset(message("broken"));
        notifier.sendPasswordReset(message("carol"));
        notifier.close();
        assertEquals(List.of("carol"), delivered);
    }

    @Test
    void accountMailGoesThroughTheSameQueueInOrder() {
        List<String> delivered = new CopyOnWriteArrayList<>();
        InMemoryAccountMailer accountMail = new InMemoryAccountMailer();
        AsyncMail mail = new AsyncMail(message -> delivered.add("reset"), accountMail);
        mail.sendEmailVerification(new VerificationMessage(new Email("dave@example.com"), new Username("dave"),
                "token-dave", Instant.parse("2026-11-22T10:30:00Z")));
        mail.sendEmailChangeNotice(new EmailChangeNotice(new Email("old@example.com"), new Username("dave"),
                new Email("dave@example.com")));
        mail.sendPasswordReset(message("dave"));
        mail.close();
        assertEquals(1, accountMail.verifications().size());
        assertEquals(1, accountMail.notices().size());
        assertEquals(List.of("reset"), delivered);
    }
}
