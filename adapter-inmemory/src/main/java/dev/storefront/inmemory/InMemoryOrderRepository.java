package dev.storefront.inmemory;

import dev.storefront.domain.common.Page;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.order.NewOrder;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.order.OrderStatus;
import dev.storefront.domain.port.out.OrderRepository;
import dev.storefront.domain.port.out.OrderStatistics;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Orders in a map, behaving like the SQLite repository (the same contract tests run against both),
 * and the dashboard's order figures computed from them. Registered with the
 * {@link InMemoryTransactions} it is given, so a failed transaction puts it back as it was.
 */
public final class InMemoryOrderRepository implements OrderRepository, OrderStatistics,
        InMemoryTransactions.Participant {
    private static final Comparator<Order> NEWEST_FIRST = Comparator.comparing(Order::createdAt)
            .thenComparingLong(o -> o.id().value()).reversed();

    private final Currency currency;
    private final Map<OrderId, Order> byId = new LinkedHashMap<>();
    private long lastId;

    /** @param currency the store's currency, in which a user without orders has spent zero */
    public InMemoryOrderRepository(InMemoryTransactions transactions, Currency currency) {
        this.currency = Objects.requireNonNull(currency, "currency");
        transactions.register(this);
    }

    @Override
    public synchronized Runnable snapshot() {
        Runnable restoreRows = Snapshots.of(this, byId);
        long id = lastId;
        return () -> {
            synchronized (this) {
                restoreRows.run();
                lastId = id;
            }
        };
    }

    @Override
    public synchronized Order add(NewOrder order) {
        Objects.requireNonNull(order, "order");
        Order stored = order.withId(new OrderId(lastId + 1));
        lastId++;
        byId.put(stored.id(), stored);
        return stored;
    }

    @Override
    public synchronized Optional<Order> findById(OrderId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized Page<Order> findByUser(UserId userId, PageRequest page) {
        List<Order> mine = ownedBy(userId);
        List<Order> items = mine.stream().skip(page.offset()).limit(page.pageSize()).toList();
        return Page.of(items, page, mine.size());
    }

    private List<Order> ownedBy(UserId userId) {
        return byId.values().stream().filter(o -> o.isOwnedBy(userId)).sorted(NEWEST_FIRST).toList();
    }

    @Override
    public synchronized boolean changeStatus(OrderId id, OrderStatus expected, OrderStatus next, Instant updatedAt) {
        Order order = byId.get(id);
        if (order == null || order.status() != expected) {
            return false;
        }
        // As the SQL adapter: updatedAt never before createdAt.
        byId.put(id, order.withStatus(next, updatedAt.isBefore(order.createdAt()) ? order.createdAt() : updatedAt));
        return true;
    }

    @Override
    public synchronized OrderStats statsFor(UserId userId) {
        List<Order> mine = ownedBy(userId);
        Money spent = mine.stream().filter(o -> o.status() != OrderStatus.CANCELLED).map(Order::total)
                .reduce(Money.zero(currency), Money::plus);
        List<RecentOrder> recent = mine.stream().limit(RECENT_ORDERS)
                .map(o -> new RecentOrder(o.id(), o.status().name(), o.itemCount(), o.price(), o.createdAt(),
                        o.updatedAt()))
                .toList();
        return new OrderStats(mine.size(), spent, recent);
    }

    /** Every order, by id (for tests). */
    public synchronized List<Order> all() {
        return byId.values().stream().sorted(Comparator.comparingLong(o -> o.id().value())).toList();
    }
}
