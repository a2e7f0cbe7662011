package dev.storefront.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.address.PostalAddress;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.checkout.PriceBreakdown;
import dev.storefront.domain.common.Page;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.order.NewOrder;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.order.OrderLine;
import dev.storefront.domain.order.OrderStatus;
import dev.storefront.domain.order.ShippingMethodSnapshot;
import dev.storefront.domain.port.out.OrderRepository;
import dev.storefront.domain.port.out.OrderStatistics;
import dev.storefront.domain.port.out.OrderStatistics.OrderStats;
import dev.storefront.domain.port.out.OrderStatistics.RecentOrder;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.promo.PromoCodeId;
import dev.storefront.domain.shipping.ShippingMethodCode;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link OrderRepository} (and the {@link OrderStatistics} over the same store) does.
 * Subclasses supply them, their transactions, and users and products that exist in their store.
 */
public abstract class OrderRepositoryContract {
    protected static final Currency USD = Currency.getInstance("USD");
    protected static final Instant T0 = Instant.parse("2026-11-22T10:00:00.123Z");

    protected abstract OrderRepository repository();

    protected abstract OrderStatistics statistics();

    protected abstract Transactions transactions();

    /** A user that exists in the store, new on each call. */
    protected abstract UserId newUser();

    /** A product that exists in the store, new on each call. */
    protected abstract ProductId newProduct();

    private OrderLine line(String price, int quantity) {
        ProductId product = newProduct();
        return new OrderLine(product, "SKU-" + product.value(), "Product " + product.value(), Money.of(price, USD),
                quantity);
    }

    private Order place(UserId user, Instant at, OrderLine... lines) {
        return transactions().inTransaction(() -> repository().add(new NewOrder(user, List.of(lines), USD, at)));
    }

    private static Money usd(String amount) {
        return Money.of(amount, USD);
    }

    @Test
    void anAddedOrderComesBackWithItsLinesInOrderAndPending() {
        UserId user = newUser();
        OrderLine a = line("0.10", 3);
        OrderLine b = line("19.99", 1);
        OrderLine c = line("0.00", 99);
        Order placed = place(user, T0, a, b, c);

        assertEquals(OrderStatus.PENDING, placed.status());
        assertEquals(T0, placed.createdAt());
        assertEquals(T0, placed.updatedAt());
        Order loaded = repository().findById(placed.id()).orElseThrow();
        assertEquals(placed, loaded);
        assertEquals(List.of(a, b, c), loaded.lines());
        assertEquals(usd("20.29"), loaded.total());
        assertEquals(103, loaded.itemCount());
        assertEquals(user, loaded.userId());
    }

    @Test
    void everyOrderGetsANewIncreasingId() {
        UserId user = newUser();
        Order first = place(user, T0, line("1.00", 1));
        Order second = place(user, T0, line("1.00", 1));
        assertTrue(second.id().value() > first.id().value());
    }

    @Test
    void anUnknownOrderIsNotFound() {
        assertEquals(Optional.empty(), repository().findById(new OrderId(987_654_321L)));
    }

    @Test
    void largeAmountsStayExact() {
        UserId user = newUser();
        Order placed = place(user, T0, line("99999999.99", 99), line("0.01", 1));
        assertEquals(usd("9899999999.02"), repository().findById(placed.id()).orElseThrow().total());
    }

    @Test
    void aUsersOrdersArePagedNewestFirstWithoutOtherUsersOrders() {
        UserId user = newUser();
        UserId other = newUser();
        List<Order> placed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            placed.add(place(user, T0.plusSeconds(i), line("1.00", i + 1)));
            place(other, T0.plusSeconds(i), line("2.00", 1));
        }
        // Same instant as the newest: the higher id is newer.
        placed.add(place(user, T0.plusSeconds(4), line("3.00", 1)));

        Page<Order> first = repository().findByUser(user, new PageRequest(1, 4));
        assertEquals(6, first.total());
        assertEquals(List.of(placed.get(5), placed.get(4), placed.get(3), placed.get(2)), first.items());
        Page<Order> second = repository().findByUser(user, new PageRequest(2, 4));
        assertEquals(List.of(placed.get(1), placed.get(0)), second.items());
        Page<Order> beyond = repository().findByUser(user, new PageRequest(3, 4));
        assertEquals(List.of(), beyond.items());
        assertEquals(6, beyond.total());
        assertEquals(0, repository().findByUser(newUser(), PageRequest.first()).total());
    }

    @Test
    void changeStatusMovesOnlyFromTheExpectedState() {
        Order order = place(newUser(), T0, line("5.00", 2));
        Instant later = T0.plusSeconds(60);

        assertFalse(transactions().inTransaction(
                () -> repository().changeStatus(order.id(), OrderStatus.PAID, OrderStatus.SHIPPED, later)));
        assertEquals(order, repository().findById(order.id()).orElseThrow());

        assertTrue(transactions().inTransaction(
                () -> repository().changeStatus(order.id(), OrderStatus.PENDING, OrderStatus.PAID, later)));
        Order paid = repository().findById(order.id()).orElseThrow();
        assertEquals(OrderStatus.PAID, paid.status());
        assertEquals(later, paid.updatedAt());
        assertEquals(T0, paid.createdAt());
        assertEquals(order.lines(), paid.lines());

        assertFalse(transactions().inTransaction(
                () -> repository().changeStatus(order.id(), OrderStatus.PENDING, OrderStatus.CANCELLED, later)),
                "a second caller that saw PENDING must not move it again");
        assertFalse(transactions().inTransaction(() -> repository().changeStatus(new OrderId(987_654_321L),
                OrderStatus.PENDING, OrderStatus.PAID, later)));
    }

    @Test
    void anOrderAddedInARolledBackTransactionIsGone() {
        UserId user = newUser();
        OrderLine line = line("1.00", 1);
        List<OrderId> added = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> transactions().inTransaction(() -> {
            added.add(repository().add(new NewOrder(user, List.of(line), USD, T0)).id());
            throw new IllegalStateException("fault");
        }));
        assertEquals(Optional.empty(), repository().findById(added.get(0)));
        assertEquals(0, repository().findByUser(user, PageRequest.first()).total());
    }

    @Test
    void aUserWithoutOrdersHasZeroStatistics() {
        OrderStats stats = statistics().statsFor(newUser());
        assertEquals(0, stats.orders());
        assertEquals(Money.zero(USD), stats.totalSpent());
        assertEquals(List.of(), stats.recentOrders());
    }

    @Test
    void statisticsCountEveryOrderSpendOnlyOnTheNotCancelledAndShowTheFiveNewest() {
        UserId user = newUser();
        List<Order> placed = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            placed.add(place(user, T0.plusSeconds(i), line("1.25", i + 1), line("0.05", 1)));
        }
        place(newUser(), T0, line("1000.00", 1));
        Order cancelled = placed.get(5);
        transactions().inTransaction(() -> repository().changeStatus(cancelled.id(), OrderStatus.PENDING,
                OrderStatus.CANCELLED, T0.plusSeconds(100)));

        OrderStats stats = statistics().statsFor(user);
        assertEquals(6, stats.orders());
        // (1 + 2 + 3 + 4 + 5) × 1.25 + 5 × 0.05: the sixth order is cancelled
        assertEquals(usd("19.00"), stats.totalSpent());
        List<RecentOrder> recent = stats.recentOrders();
        assertEquals(List.of(placed.get(5).id(), placed.get(4).id(), placed.get(3).id(), placed.get(2).id(),
                placed.get(1).id()), recent.stream().map(RecentOrder::id).toList());
        RecentOrder newest = recent.get(0);
        assertEquals("CANCELLED", newest.status());
        assertEquals(7, newest.itemCount());
        assertEquals(usd("7.55"), newest.total());
        assertEquals(T0.plusSeconds(5), newest.createdAt());
        assertEquals(T0.plusSeconds(100), newest.updatedAt());
        assertEquals("PENDING", recent.get(1).status());
    }

    private static final PostalAddress ADDRESS = PostalAddress.parse("", "Zoë Ångström", "Hauptstraße 1", "Hinterhaus",
            "München", "BY", "80331", "de", "+49 (89) 123-456");

    /** An order of one line of 12.34 × 3, 2.00 off, 4.90 shipping and 7.07 tax. */
    private NewOrder pricedOrder(UserId user, PostalAddress address, ShippingMethodSnapshot method, PromoCodeId code) {
        OrderLine line = line("12.34", 3);
        return new NewOrder(user, List.of(line), USD, T0,
                new PriceBreakdown(usd("37.02"), usd("2.00"), usd("4.90"), usd("7.07")), address, method, code);
    }

    @Test
    void anOrdersBreakdownAddressMethodAndPromoCodeComeBackAsPlaced() {
        UserId user = newUser();
        NewOrder order = pricedOrder(user, ADDRESS,
                new ShippingMethodSnapshot(new ShippingMethodCode("express"), "Express (1–2 days)"),
                new PromoCodeId("WELCOME-10"));
        Order placed = transactions().inTransaction(() -> repository().add(order));

        Order loaded = repository().findById(placed.id()).orElseThrow();
        assertEquals(placed, loaded);
        assertEquals(new PriceBreakdown(usd("37.02"), usd("2.00"), usd("4.90"), usd("7.07")), loaded.price());
        assertEquals(usd("46.99"), loaded.total(), "subtotal − discount + shipping + tax");
        assertEquals(ADDRESS, loaded.shippingAddress());
        assertEquals("DE", loaded.shippingAddress().country().code());
        assertEquals(new ShippingMethodSnapshot(new ShippingMethodCode("express"), "Express (1–2 days)"),
                loaded.shippingMethod());
        assertEquals(new PromoCodeId("WELCOME-10"), loaded.promoCode());
        assertEquals(null, loaded.trackingNumber());
        assertEquals(null, loaded.carrier());
        assertEquals(List.of(loaded), repository().findByUser(user, PageRequest.first()).items());
    }

    @Test
    void anOrderWithoutAddressMethodOrCodeComesBackWithoutThem() {
        UserId user = newUser();
        Order placed = transactions().inTransaction(() -> repository().add(pricedOrder(user, null, null, null)));

        Order loaded = repository().findById(placed.id()).orElseThrow();
        assertEquals(placed, loaded);
        assertEquals(null, loaded.shippingAddress());
        assertEquals(null, loaded.shippingMethod());
        assertEquals(null, loaded.promoCode());
        assertEquals(usd("46.99"), loaded.total());
    }

    @Test
    void anAddressWithOnlyTheRequiredFieldsComesBackWithEmptyOptionalOnes() {
        PostalAddress bare = PostalAddress.parse("", "Ann", "1 Main St", null, "Springfield", null, "12345", "US",
                null);
        Order placed = transactions().inTransaction(() -> repository().add(pricedOrder(newUser(), bare, null, null)));

        PostalAddress loaded = repository().findById(placed.id()).orElseThrow().shippingAddress();
        assertEquals(bare, loaded);
        assertEquals("", loaded.line2());
        assertEquals("", loaded.region());
        assertEquals("", loaded.phone());
    }

    @Test
    void aStatusChangeKeepsTheBreakdownAndSnapshots() {
        Order placed = transactions().inTransaction(() -> repository().add(pricedOrder(newUser(), ADDRESS,
                new ShippingMethodSnapshot(new ShippingMethodCode("standard"), "Standard"), new PromoCodeId("SAVE2"))));
        assertTrue(transactions().inTransaction(() -> repository().changeStatus(placed.id(), OrderStatus.PENDING,
                OrderStatus.CANCELLED, T0.plusSeconds(5))));

        Order cancelled = repository().findById(placed.id()).orElseThrow();
        assertEquals(placed.withStatus(OrderStatus.CANCELLED, T0.plusSeconds(5)), cancelled);
    }

    @Test
    void statisticsSpendTheOrdersTotalsNotTheirLineSums() {
        UserId user = newUser();
        transactions().inTransaction(() -> repository().add(pricedOrder(user, ADDRESS, null, null)));
        place(user, T0.plusSeconds(1), line("1.00", 1));

        OrderStats stats = statistics().statsFor(user);
        assertEquals(usd("47.99"), stats.totalSpent(), "46.99 + 1.00");
        assertEquals(usd("46.99"), stats.recentOrders().get(1).total());
    }
}
