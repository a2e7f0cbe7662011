package dev.storefront.inmemory;

import dev.storefront.domain.port.out.PasswordResetNotifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps every reset message instead of sending it. */
public final class InMemoryPasswordResetNotifier implements PasswordResetNotifier {
    private final List<PasswordResetMessage> sent = new ArrayList<>();

    @Override
    public synchronized void sendPasswordReset(PasswordResetMessage message) {
        sent.add(message);
    }

    public synchronized List<PasswordResetMessage> sent() {
        return List.copyOf(sent);
    }

    public synchronized Optional<PasswordResetMessage> last() {
        return sent.isEmpty() ? Optional.empty() : Optional.of(sent.get(sent.size() - 1));
    }
}
