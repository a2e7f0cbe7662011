package dev.storefront.inmemory;

import dev.storefront.domain.common.Page;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.port.out.PromoCodeRepository;
import dev.storefront.domain.promo.DuplicatePromoCode;
import dev.storefront.domain.promo.PromoCode;
import dev.storefront.domain.promo.PromoCodeId;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Promo codes and their uses in maps; rolls back with {@link InMemoryTransactions}. */
public final class InMemoryPromoCodeRepository implements PromoCodeRepository, InMemoryTransactions.Participant {
    private static final Comparator<PromoCode> NEWEST_FIRST = Comparator.comparing(PromoCode::createdAt).reversed()
            .thenComparing(p -> p.code().value());

    private record Use(PromoCodeId code, UserId user) {}

    private final Map<PromoCodeId, PromoCode> codes = new LinkedHashMap<>();
    private final Map<OrderId, Use> uses = new LinkedHashMap<>();

    public InMemoryPromoCodeRepository(InMemoryTransactions transactions) {
        transactions.register(this);
    }

    @Override
    public synchronized void add(PromoCode code) {
        if (codes.containsKey(code.code())) {
            throw new DuplicatePromoCode();
        }
        codes.put(code.code(), code);
    }

    @Override
    public synchronized Optional<PromoCode> findByCode(PromoCodeId code) {
        return Optional.ofNullable(codes.get(code));
    }

    @Override
    public synchronized Page<PromoCode> findAll(PageRequest page) {
        List<PromoCode> sorted = codes.values().stream().sorted(NEWEST_FIRST).toList();
        List<PromoCode> items = sorted.stream().skip((long) (page.page() - 1) * page.pageSize())
                .limit(page.pageSize()).toList();
        return new Page<>(items, page.page(), page.pageSize(), sorted.size());
    }

    @Override
    public synchronized boolean update(PromoCode code) {
        PromoCode stored = codes.get(code.code());
        if (stored == null) {
            return false;
        }
        // Settings only: the count of uses and the creation time stay as stored (as in the databases).
        codes.put(code.code(), new PromoCode(code.code(), code.kind(), code.value(), code.minSubtotal(),
                code.startsAt(), code.endsAt(), code.usageLimit(), code.usagePerUser(), stored.timesUsed(),
                code.active(), stored.createdAt()));
        return true;
    }

    @Override
    public synchronized boolean takeUse(PromoCodeId code) {
        PromoCode stored = codes.get(code);
        if (stored == null || !stored.active()
                || (stored.usageLimit() != null && stored.timesUsed() >= stored.usageLimit())) {
            return false;
        }
        codes.put(code, stored.withTimesUsed(stored.timesUsed() + 1));
        return true;
    }

    @Override
    public synchronized void recordUse(PromoCodeId code, UserId user, OrderId order, Instant at) {
        if (uses.putIfAbsent(order, new Use(code, user)) != null) {
            throw new IllegalStateException("order " + order + " already used a promo code");
        }
    }

    @Override
    public synchronized int usesBy(PromoCodeId code, UserId user) {
        return (int) uses.values().stream().filter(u -> u.code.equals(code) && u.user.equals(user)).count();
    }

    @Override
    public synchronized boolean giveBack(OrderId order) {
        Use use = uses.remove(order);
        if (use == null) {
            return false;
        }
        PromoCode stored = codes.get(use.code);
        codes.put(use.code, stored.withTimesUsed(Math.max(0, stored.timesUsed() - 1)));
        return true;
    }

    @Override
    public synchronized Runnable snapshot() {
        Runnable codesBack = Snapshots.of(this, codes);
        Runnable usesBack = Snapshots.of(this, uses);
        return () -> {
            codesBack.run();
            usesBack.run();
        };
    }
}
