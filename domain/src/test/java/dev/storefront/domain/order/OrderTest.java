package dev.storefront.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.address.PostalAddress;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.checkout.PriceBreakdown;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.promo.PromoCodeId;
import dev.storefront.domain.shipping.ShippingMethodCode;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private static OrderLine line(long product, String price, int quantity) {
        return new OrderLine(new ProductId(product), "SKU-" + product, "Product " + product, Money.of(price, USD), quantity);
    }

    private static Order order(OrderStatus status, OrderLine... lines) {
        return new Order(new OrderId(1), new UserId(7), status, List.of(lines), USD, T0, T0);
    }

    @Test
    void totalIsTheExactSumOfLineTotals() {
        Order order = order(OrderStatus.PENDING, line(1, "0.10", 3), line(2, "0.20", 1), line(3, "19.99", 99));
        assertEquals("1979.51", order.total().toPlainString());
        assertEquals(103, order.itemCount());
        assertEquals("0.30", line(1, "0.10", 3).lineTotal().toPlainString());
    }

    @Test
    void movingAlongTheMachineKeepsLinesAndStampsTheTime() {
        Order placed = order(OrderStatus.PENDING, line(1, "5.00", 2));
        Instant later = T0.plusSeconds(60);
        Order paid = placed.moveTo(OrderStatus.PAID, later);
        assertEquals(OrderStatus.PAID, paid.status());
        assertEquals(later, paid.updatedAt());
        assertEquals(T0, paid.createdAt());
        assertEquals(placed.lines(), paid.lines());
        assertEquals(OrderStatus.PENDING, placed.status(), "the original is unchanged");
    }

    @Test
    void aForbiddenMoveIsAConflictNamingBothStates() {
        Order shipped = order(OrderStatus.SHIPPED, line(1, "5.00", 1));
        IllegalOrderTransition refused = assertThrows(IllegalOrderTransition.class,
                () -> shipped.moveTo(OrderStatus.CANCELLED, T0));
        assertEquals(OrderStatus.SHIPPED, refused.from());
        assertEquals(OrderStatus.CANCELLED, refused.to());
        assertTrue(refused.getMessage().contains("SHIPPED"));
    }

    @Test
    void everyMoveTheTableAllowsSucceedsAndEveryOtherIsRefusedWithTheOrderUnchanged() {
        int moves = 0;
        int refusals = 0;
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                Order order = order(from, line(1, "5.00", 1));
                if (from.canMoveTo(to)) {
                    assertEquals(to, order.moveTo(to, T0.plusSeconds(1)).status());
                    moves++;
                } else {
                    IllegalOrderTransition refused = assertThrows(IllegalOrderTransition.class,
                            () -> order.moveTo(to, T0.plusSeconds(1)), from + " -> " + to);
                    assertEquals(from, refused.from());
                    assertEquals(to, refused.to());
                    assertEquals(from, order.status());
                    refusals++;
                }
            }
        }
        assertEquals(5, moves);
        assertEquals(20, refusals);
    }

    @Test
    void aNewOrderIsPendingCreatedAndUpdatedWhenPlaced() {
        NewOrder placed = new NewOrder(new UserId(7), List.of(line(2, "1.50", 2), line(1, "0.25", 1)), USD, T0);
        Order stored = placed.withId(new OrderId(42));
        assertEquals(new OrderId(42), stored.id());
        assertEquals(OrderStatus.PENDING, stored.status());
        assertEquals(T0, stored.createdAt());
        assertEquals(T0, stored.updatedAt());
        assertEquals(placed.lines(), stored.lines());
        assertEquals(Money.of("3.25", USD), stored.total());
    }

    @Test
    void anOrderNeedsLinesOneLinePerProductAndOneCurrency() {
        assertThrows(IllegalArgumentException.class, () -> order(OrderStatus.PENDING));
        assertThrows(IllegalArgumentException.class, () -> order(OrderStatus.PENDING, line(1, "1.00", 1), line(1, "1.00", 2)));
        OrderLine euros = new OrderLine(new ProductId(2), "E", "Euro thing", Money.of("1.00", Currency.getInstance("EUR")), 1);
        assertThrows(IllegalArgumentException.class, () -> order(OrderStatus.PENDING, line(1, "1.00", 1), euros));
    }

    @Test
    void aLineHasAtLeastOneUnitAndNoNegativePrice() {
        assertThrows(IllegalArgumentException.class, () -> line(1, "1.00", 0));
        assertThrows(IllegalArgumentException.class,
                () -> new OrderLine(new ProductId(1), "S", "N", new Money(new java.math.BigDecimal("-1.00"), USD), 1));
    }

    private static Money usd(String amount) {
        return Money.of(amount, USD);
    }

    private static Order priced(PriceBreakdown price, PostalAddress address, ShippingMethodSnapshot method) {
        return new Order(new OrderId(1), new UserId(7), OrderStatus.PENDING, List.of(line(1, "10.00", 2)), USD, T0, T0,
                price, address, method, new PromoCodeId("SAVE"), null, null);
    }

    private static final PostalAddress ADDRESS = PostalAddress.parse("", "Ann", "1 Main St", "", "Springfield", "IL",
            "62701", "US", "");
    private static final ShippingMethodSnapshot STANDARD = new ShippingMethodSnapshot(new ShippingMethodCode("standard"),
            "Standard");

    @Test
    void theTotalIsTheBreakdownsNotTheLineSum() {
        Order order = priced(new PriceBreakdown(usd("20.00"), usd("2.00"), usd("4.90"), usd("1.83")), ADDRESS, STANDARD);
        assertEquals(usd("24.73"), order.total());
        assertEquals(usd("20.00"), order.subtotal());
    }

    @Test
    void theSubtotalMustBeTheSumOfTheLines() {
        assertThrows(IllegalArgumentException.class,
                () -> priced(PriceBreakdown.ofSubtotal(usd("19.99")), ADDRESS, STANDARD));
    }

    @Test
    void aShippingMethodNeedsAnAddress() {
        assertThrows(IllegalArgumentException.class, () -> priced(PriceBreakdown.ofSubtotal(usd("20.00")), null,
                STANDARD));
    }

    @Test
    void aMoveKeepsTheBreakdownAndSnapshots() {
        Order order = priced(new PriceBreakdown(usd("20.00"), usd("2.00"), usd("4.90"), usd("1.83")), ADDRESS, STANDARD);
        Order cancelled = order.moveTo(OrderStatus.CANCELLED, T0.plusSeconds(1));
        assertEquals(order.price(), cancelled.price());
        assertEquals(ADDRESS, cancelled.shippingAddress());
        assertEquals(STANDARD, cancelled.shippingMethod());
        assertEquals(new PromoCodeId("SAVE"), cancelled.promoCode());
    }

    @Test
    void aNewOrderWithoutPriceIsPricedAtItsLines() {
        Order order = new NewOrder(new UserId(7), List.of(line(1, "0.10", 3), line(2, "1.00", 1)), USD, T0)
                .withId(new OrderId(3));
        assertEquals(PriceBreakdown.ofSubtotal(usd("1.30")), order.price());
        assertEquals(null, order.shippingAddress());
        assertEquals(null, order.trackingNumber());
    }
}
