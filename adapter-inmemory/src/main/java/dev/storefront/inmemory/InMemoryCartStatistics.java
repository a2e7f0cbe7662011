package dev.storefront.inmemory;

import dev.storefront.domain.port.out.CartStatistics;
import dev.storefront.domain.user.UserId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Cart sizes a test sets per user; zero for everyone else. */
public final class InMemoryCartStatistics implements CartStatistics {
    private final Map<UserId, Integer> items = new ConcurrentHashMap<>();

    public void set(UserId userId, int count) {
        items.put(userId, count);
    }

    @Override
    public int itemCount(UserId userId) {
        return items.getOrDefault(userId, 0);
    }
}
