package dev.storefront.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.common.Page;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.order.NewOrder;
import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.order.OrderLine;
import dev.storefront.domain.port.out.OrderRepository;
import dev.storefront.domain.port.out.PromoCodeRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.promo.DuplicatePromoCode;
import dev.storefront.domain.promo.PromoCode;
import dev.storefront.domain.promo.PromoCodeId;
import dev.storefront.domain.promo.PromoKind;
import dev.storefront.domain.user.UserId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PromoCodeRepository} does. Subclasses supply it, their transactions, the order
 * repository of the same store (uses are recorded against real orders) and users and products that
 * exist there.
 */
public abstract class PromoCodeRepositoryContract {
    protected static final Currency USD = Currency.getInstance("USD");
    protected static final Instant T0 = Instant.parse("2026-11-22T10:00:00.123Z");

    protected abstract PromoCodeRepository repository();

    protected abstract OrderRepository orders();

    protected abstract Transactions transactions();

    /** A user that exists in the store, new on each call. */
    protected abstract UserId newUser();

    /** A product that exists in the store, new on each call. */
    protected abstract ProductId newProduct();

    private static PromoCodeId id(String code) {
        return new PromoCodeId(code);
    }

    private static PromoCode percent(String code, String value, Instant createdAt) {
        return new PromoCode(id(code), PromoKind.PERCENT, new BigDecimal(value), Money.of("20.00", USD),
                T0.plusSeconds(60), T0.plus(Duration.ofDays(30)), 100, 2, 0, true, createdAt);
    }

    private static PromoCode limited(String code, Integer usageLimit) {
        return new PromoCode(id(code), PromoKind.AMOUNT, new BigDecimal("5.00"), Money.zero(USD), null, null,
                usageLimit, null, 0, true, T0);
    }

    private OrderId newOrder(UserId user) {
        OrderLine line = new OrderLine(newProduct(), "SKU-1", "Mug", Money.of("10.00", USD), 1);
        return transactions().inTransaction(() -> orders().add(new NewOrder(user, List.of(line), USD, T0))).id();
    }

    private boolean takeUse(PromoCodeId code) {
        return transactions().inTransaction(() -> repository().takeUse(code));
    }

    private int timesUsed(String code) {
        return repository().findByCode(id(code)).orElseThrow().timesUsed();
    }

    @Test
    void storesEveryKindWithEveryFieldAndReadsItBackEqual() {
        PromoCode percent = percent("SAVE15", "15", T0);
        PromoCode fraction = percent("HALFCENT", "12.25", T0);
        PromoCode amount = new PromoCode(id("FIVE-OFF"), PromoKind.AMOUNT, new BigDecimal("5"), Money.of("0.01", USD),
                null, null, null, null, 3, false, T0);
        PromoCode shipping = new PromoCode(id("SHIP_FREE"), PromoKind.FREE_SHIPPING, null, Money.of("50.00", USD),
                null, T0.plusSeconds(1), 1, 1, 0, true, T0);
        for (PromoCode code : List.of(percent, fraction, amount, shipping)) {
            repository().add(code);
            assertEquals(code, repository().findByCode(code.code()).orElseThrow(), code.code().value());
        }
        assertEquals(new BigDecimal("5.00"), repository().findByCode(id("FIVE-OFF")).orElseThrow().value());
        assertTrue(repository().findByCode(id("NOPE")).isEmpty());
    }

    @Test
    void aPercentageOfAnyScaleReadsBackAsTheSameValue() {
        repository().add(percent("SCALE", "15.50", T0));
        assertEquals(0, new BigDecimal("15.5").compareTo(repository().findByCode(id("SCALE")).orElseThrow().value()));
        assertEquals(percent("SCALE", "15.5", T0), repository().findByCode(id("SCALE")).orElseThrow());
    }

    @Test
    void codesMatchRegardlessOfCase() {
        repository().add(percent("SUMMER", "10", T0));
        PromoCodeId typed = PromoCodeId.parse(" summer ").orElseThrow();
        assertEquals("SUMMER", repository().findByCode(typed).orElseThrow().code().value());
        assertThrows(DuplicatePromoCode.class, () -> repository().add(percent(
                PromoCodeId.parse("Summer").orElseThrow().value(), "20", T0)));
        assertTrue(takeUse(PromoCodeId.parse("sUmMeR").orElseThrow()));
        assertEquals(1, timesUsed("SUMMER"));
    }

    @Test
    void aDuplicateCodeIsRefusedAndTheFirstStays() {
        PromoCode first = percent("TWICE", "10", T0);
        repository().add(first);
        assertThrows(DuplicatePromoCode.class, () -> repository().add(percent("TWICE", "50", T0.plusSeconds(5))));
        assertEquals(first, repository().findByCode(id("TWICE")).orElseThrow());
    }

    @Test
    void aDuplicateInsideATransactionRollsItBack() {
        repository().add(percent("TAKEN", "10", T0));
        assertThrows(DuplicatePromoCode.class, () -> transactions().inTransaction(() -> {
            repository().add(percent("FRESH", "10", T0));
            repository().add(percent("TAKEN", "10", T0));
        }));
        assertTrue(repository().findByCode(id("FRESH")).isEmpty());
    }

    @Test
    void listsNewestFirstThenByCodeInPages() {
        repository().add(percent("OLD", "10", T0));
        repository().add(percent("NEW-B", "10", T0.plusSeconds(10)));
        repository().add(percent("NEW-A", "10", T0.plusSeconds(10)));
        repository().add(limited("MIDDLE", null).deactivate().withTimesUsed(0));
        Page<PromoCode> first = repository().findAll(new PageRequest(1, 2));
        assertEquals(List.of("NEW-A", "NEW-B"), first.items().stream().map(p -> p.code().value()).toList());
        assertEquals(4, first.total());
        Page<PromoCode> second = repository().findAll(new PageRequest(2, 2));
        assertEquals(List.of("MIDDLE", "OLD"), second.items().stream().map(p -> p.code().value()).toList());
        Page<PromoCode> beyond = repository().findAll(new PageRequest(3, 2));
        assertTrue(beyond.items().isEmpty());
        assertEquals(4, beyond.total());
    }

    @Test
    void updateReplacesTheSettingsButKeepsTimesUsedAndCreation() {
        repository().add(percent("EDIT", "10", T0));
        assertTrue(takeUse(id("EDIT")));
        assertTrue(takeUse(id("EDIT")));
        PromoCode changed = new PromoCode(id("EDIT"), PromoKind.FREE_SHIPPING, null, Money.of("1.23", USD), null, null,
                null, 5, 0, false, T0.plusSeconds(999));
        assertTrue(repository().update(changed));
        PromoCode stored = repository().findByCode(id("EDIT")).orElseThrow();
        assertEquals(new PromoCode(id("EDIT"), PromoKind.FREE_SHIPPING, null, Money.of("1.23", USD), null, null, null,
                5, 2, false, T0), stored);
        assertFalse(repository().update(percent("GHOST", "10", T0)));
        assertTrue(repository().findByCode(id("GHOST")).isEmpty());
    }

    @Test
    void takeUseCountsUpToTheLimitAndThenRefuses() {
        repository().add(limited("LIMIT3", 3));
        assertTrue(takeUse(id("LIMIT3")));
        assertTrue(takeUse(id("LIMIT3")));
        assertTrue(takeUse(id("LIMIT3")));
        assertFalse(takeUse(id("LIMIT3")), "at the limit");
        assertEquals(3, timesUsed("LIMIT3"));
    }

    @Test
    void takeUseWithoutALimitNeverRefuses() {
        repository().add(limited("UNLIMITED", null));
        for (int i = 0; i < 25; i++) {
            assertTrue(takeUse(id("UNLIMITED")));
        }
        assertEquals(25, timesUsed("UNLIMITED"));
    }

    @Test
    void takeUseRefusesAnInactiveOrUnknownCode() {
        repository().add(limited("OFF", null).deactivate());
        assertFalse(takeUse(id("OFF")));
        assertEquals(0, timesUsed("OFF"));
        assertFalse(takeUse(id("UNKNOWN")));
    }

    @Test
    void takeUseRollsBackWithItsTransaction() {
        repository().add(limited("ROLLBACK", 1));
        assertThrows(IllegalStateException.class, () -> transactions().inTransaction(() -> {
            assertTrue(repository().takeUse(id("ROLLBACK")));
            throw new IllegalStateException("checkout failed later");
        }));
        assertEquals(0, timesUsed("ROLLBACK"));
        assertTrue(takeUse(id("ROLLBACK")));
    }

    @Test
    void recordedUsesCountPerUserAndCode() {
        repository().add(limited("PERUSER", null));
        repository().add(limited("OTHER", null));
        UserId alice = newUser();
        UserId bob = newUser();
        OrderId first = newOrder(alice);
        OrderId second = newOrder(alice);
        OrderId bobs = newOrder(bob);
        transactions().inTransaction(() -> {
            repository().recordUse(id("PERUSER"), alice, first, T0);
            repository().recordUse(id("PERUSER"), alice, second, T0);
            repository().recordUse(id("OTHER"), bob, bobs, T0);
        });
        assertEquals(2, repository().usesBy(id("PERUSER"), alice));
        assertEquals(0, repository().usesBy(id("PERUSER"), bob));
        assertEquals(1, repository().usesBy(id("OTHER"), bob));
        assertEquals(0, repository().usesBy(id("OTHER"), alice));
    }

    @Test
    void anOrderRecordsOneUseAtMost() {
        repository().add(limited("ONCE", null));
        repository().add(limited("TWICE", null));
        UserId alice = newUser();
        OrderId order = newOrder(alice);
        repository().recordUse(id("ONCE"), alice, order, T0);
        assertThrows(RuntimeException.class, () -> transactions().inTransaction(
                () -> repository().recordUse(id("TWICE"), alice, order, T0)));
        assertEquals(0, repository().usesBy(id("TWICE"), alice));
        assertEquals(1, repository().usesBy(id("ONCE"), alice));
    }

    @Test
    void giveBackReturnsTheUseOfAnOrderOnceOnly() {
        repository().add(limited("BACK", 2));
        UserId alice = newUser();
        OrderId order = newOrder(alice);
        OrderId other = newOrder(alice);
        transactions().inTransaction(() -> {
            assertTrue(repository().takeUse(id("BACK")));
            repository().recordUse(id("BACK"), alice, order, T0);
            assertTrue(repository().takeUse(id("BACK")));
            repository().recordUse(id("BACK"), alice, other, T0);
        });
        assertFalse(takeUse(id("BACK")), "both uses taken");

        assertTrue(transactions().inTransaction(() -> repository().giveBack(order)));
        assertEquals(1, timesUsed("BACK"));
        assertEquals(1, repository().usesBy(id("BACK"), alice));
        assertFalse(transactions().inTransaction(() -> repository().giveBack(order)), "given back already");
        assertEquals(1, timesUsed("BACK"));
        assertFalse(transactions().inTransaction(() -> repository().giveBack(newOrder(alice))), "used no code");
        assertEquals(1, timesUsed("BACK"));
        assertTrue(takeUse(id("BACK")), "the use given back can be taken again");
    }

    @Test
    void giveBackRollsBackWithItsTransaction() {
        repository().add(limited("UNDO", null));
        UserId alice = newUser();
        OrderId order = newOrder(alice);
        transactions().inTransaction(() -> {
            repository().takeUse(id("UNDO"));
            repository().recordUse(id("UNDO"), alice, order, T0);
        });
        assertThrows(IllegalStateException.class, () -> transactions().inTransaction(() -> {
            assertTrue(repository().giveBack(order));
            throw new IllegalStateException("cancel failed later");
        }));
        assertEquals(1, timesUsed("UNDO"));
        assertEquals(1, repository().usesBy(id("UNDO"), alice));
    }

    @Test
    void concurrentTakersNeverExceedTheLimit() throws Exception {
        repository().add(limited("RACE10", 10));
        assertEquals(10, race(40, () -> takeUse(id("RACE10"))));
        assertEquals(10, timesUsed("RACE10"));
    }

    @Test
    void concurrentCancelsGiveAUseBackOnce() throws Exception {
        repository().add(limited("CANCEL", 10));
        UserId alice = newUser();
        OrderId order = newOrder(alice);
        transactions().inTransaction(() -> {
            repository().takeUse(id("CANCEL"));
            repository().takeUse(id("CANCEL"));
            repository().recordUse(id("CANCEL"), alice, order, T0);
        });
        assertEquals(1, race(8, () -> transactions().inTransaction(() -> repository().giveBack(order))));
        assertEquals(1, timesUsed("CANCEL"));
    }

    /** Runs {@code attempts} calls at once (released together) and counts the true answers. */
    private static int race(int attempts, java.util.concurrent.Callable<Boolean> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return attempt.call();
                }));
            }
            start.countDown();
            int yes = 0;
            for (Future<Boolean> result : results) {
                yes += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            return yes;
        } finally {
            pool.shutdownNow();
        }
    }
}
