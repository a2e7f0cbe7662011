package dev.storefront.inmemory;

import dev.storefront.domain.port.out.AccountEvents;
import java.util.ArrayList;
import java.util.List;

/** Keeps every account event, for tests to inspect. */
public final class InMemoryAccountEvents implements AccountEvents {
    private final List<AccountEvent> events = new ArrayList<>();

    @Override
    public synchronized void record(AccountEvent event) {
        events.add(event);
    }

    public synchronized List<AccountEvent> events() {
        return List.copyOf(events);
    }

    public synchronized List<Type> types() {
        return events.stream().map(AccountEvent::type).toList();
    }
}
