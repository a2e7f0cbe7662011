package dev.storefront.inmemory;

import dev.storefront.domain.port.out.PeriodicWork;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** Periodic work rounds in memory: the rounds of one process (the instances sharing this object). */
public final class InMemoryPeriodicWork implements PeriodicWork {
    private final Map<String, Instant> lastRun = new HashMap<>();

    @Override
    public synchronized boolean claimRound(String name, Instant now, Duration interval) {
        Objects.requireNonNull(name, "name");
        Instant last = lastRun.get(name);
        if (last != null && last.isAfter(now.minus(interval))) {
            return false;
        }
        lastRun.put(name, now);
        return true;
    }
}
