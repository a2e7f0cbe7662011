package dev.storefront.domain.order;

import static dev.storefront.domain.order.OrderStatus.CANCELLED;
import static dev.storefront.domain.order.OrderStatus.DELIVERED;
import static dev.storefront.domain.order.OrderStatus.PAID;
import static dev.storefront.domain.order.OrderStatus.PENDING;
import static dev.storefront.domain.order.OrderStatus.SHIPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderStatusTest {

    /** The state machine of api.md, written out independently of the implementation's table. */
    private static final Set<String> ALLOWED = Set.of(
            "PENDING->PAID", "PAID->SHIPPED", "SHIPPED->DELIVERED", "PENDING->CANCELLED", "PAID->CANCELLED");

    @Test
    void everyPairOfStatesIsAllowedExactlyWhenApiMdAllowsIt() {
        int allowed = 0;
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                boolean expected = ALLOWED.contains(from + "->" + to);
                assertEquals(expected, from.canMoveTo(to), from + " -> " + to);
                allowed += expected ? 1 : 0;
            }
        }
        assertEquals(5, allowed);
    }

    @Test
    void deliveredAndCancelledAreFinal() {
        assertEquals(Set.of(), DELIVERED.nextStates());
        assertEquals(Set.of(), CANCELLED.nextStates());
        assertEquals(EnumSet.of(PAID, CANCELLED), PENDING.nextStates());
        assertEquals(EnumSet.of(SHIPPED, CANCELLED), PAID.nextStates());
        assertEquals(EnumSet.of(DELIVERED), SHIPPED.nextStates());
    }

    @Test
    void onlyCancellingRestoresStock() {
        for (OrderStatus status : OrderStatus.values()) {
            assertEquals(status == CANCELLED, status.restoresStock(), status.name());
        }
    }
}
