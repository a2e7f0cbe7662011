package dev.storefront.inmemory;

import dev.storefront.domain.money.Money;
import dev.storefront.domain.port.out.OrderStatistics;
import dev.storefront.domain.user.UserId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Order figures a test sets per user; zeros for everyone else. */
public final class InMemoryOrderStatistics implements OrderStatistics {
    private final Currency currency;
    private final Map<UserId, OrderStats> stats = new ConcurrentHashMap<>();

    public InMemoryOrderStatistics(Currency currency) {
        this.currency = currency;
    }

    public void set(UserId userId, OrderStats orderStats) {
        stats.put(userId, orderStats);
    }

    @Override
    public OrderStats statsFor(UserId userId) {
        return stats.getOrDefault(userId, new OrderStats(0, Money.zero(currency), List.of()));
    }
}
