package dev.storefront.inmemory;

import dev.storefront.domain.port.out.DatabaseHealth;

/** A database that is up until a test says it is down. */
public final class InMemoryDatabaseHealth implements DatabaseHealth {
    private volatile boolean available = true;

    @Override
    public boolean isAvailable() {
        return available;
    }

    public void setAvailable(boolean available) {
        this.available = available;
    }
}
