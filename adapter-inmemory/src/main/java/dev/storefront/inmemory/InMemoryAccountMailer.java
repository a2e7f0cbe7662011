package dev.storefront.inmemory;

import dev.storefront.domain.port.out.AccountMailer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps every account mail instead of sending it. */
public final class InMemoryAccountMailer implements AccountMailer {
    private final List<VerificationMessage> verifications = new ArrayList<>();
    private final List<EmailChangeNotice> notices = new ArrayList<>();

    @Override
    public synchronized void sendEmailVerification(VerificationMessage message) {
        verifications.add(message);
    }

    @Override
    public synchronized void sendEmailChangeNotice(EmailChangeNotice notice) {
        notices.add(notice);
    }

    public synchronized List<VerificationMessage> verifications() {
        return List.copyOf(verifications);
    }

    public synchronized Optional<VerificationMessage> lastVerification() {
        return verifications.isEmpty() ? Optional.empty() : Optional.of(verifications.get(verifications.size() - 1));
    }

    public synchronized List<EmailChangeNotice> notices() {
        return List.copyOf(notices);
    }
}
