package dev.storefront.application.account;

import dev.storefront.domain.port.out.AccountEvents;
import dev.storefront.domain.port.out.AccountEvents.AccountEvent;
import dev.storefront.domain.port.out.AccountEvents.Type;
import dev.storefront.domain.user.UserId;
import java.lang.System.Logger.Level;
import java.time.Instant;

/** Records account events after the fact; a failing audit sink never fails the user's request. */
final class Audit {
    private static final System.Logger LOG = System.getLogger(Audit.class.getName());
    private final AccountEvents events;

    Audit(AccountEvents events) {
        this.events = events;
    }

    void record(Type type, Instant at, UserId userId, String clientAddress) {
        try {
            events.record(new AccountEvent(type, at, userId, clientAddress));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "recording account event " + type + " failed", e);
        }
    }
}
