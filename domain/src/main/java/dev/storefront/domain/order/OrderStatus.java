package dev.storefront.domain.order;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The order state machine. {@link #TRANSITIONS} is the whole of it: PENDING → PAID → SHIPPED →
 * DELIVERED, and PENDING or PAID → CANCELLED. Every other move is refused.
 */
public enum OrderStatus {
    PENDING,
    PAID,
    SHIPPED,
    DELIVERED,
    CANCELLED;

    private static final Map<OrderStatus, Set<OrderStatus>> TRANSITIONS = new EnumMap<>(OrderStatus.class);

    static {
        TRANSITIONS.put(PENDING, EnumSet.of(PAID, CANCELLED));
        TRANSITIONS.put(PAID, EnumSet.of(SHIPPED, CANCELLED));
        TRANSITIONS.put(SHIPPED, EnumSet.of(DELIVERED));
        TRANSITIONS.put(DELIVERED, EnumSet.noneOf(OrderStatus.class));
        TRANSITIONS.put(CANCELLED, EnumSet.noneOf(OrderStatus.class));
    }

    public boolean canMoveTo(OrderStatus next) {
        return TRANSITIONS.get(this).contains(next);
    }

    /** The states this one may move to, for messages and documentation. */
    public Set<OrderStatus> nextStates() {
        Set<OrderStatus> next = TRANSITIONS.get(this);
        return next.isEmpty() ? Set.of() : EnumSet.copyOf(next);
    }

    /** Whether moving here gives the ordered units back to stock. */
    public boolean restoresStock() {
        return this == CANCELLED;
    }
}
