package dev.storefront.domain.order;

import dev.storefront.domain.money.Money;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * An order: who placed it, its frozen lines, and where it is in the {@link OrderStatus} state
 * machine. Immutable; a transition returns the order in its new state. The total is always the
 * exact sum of the line totals, so it is derived, never stored apart from the lines.
 */
public record Order(OrderId id, UserId userId, OrderStatus status, List<OrderLine> lines, Currency currency,
                    Instant createdAt, Instant updatedAt) {

    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order has at least one line");
        }
        if (new HashSet<>(lines.stream().map(OrderLine::productId).toList()).size() != lines.size()) {
            throw new IllegalArgumentException("an order has one line per product");
        }
        for (OrderLine line : lines) {
            if (!line.unitPrice().currency().equals(currency)) {
                throw new IllegalArgumentException("line in " + line.unitPrice().currency() + " in an order in " + currency);
            }
        }
        if (updatedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("updatedAt before createdAt");
        }
    }

    public Money total() {
        return lines.stream().map(OrderLine::lineTotal).reduce(Money.zero(currency), Money::plus);
    }

    public int itemCount() {
        return lines.stream().mapToInt(OrderLine::quantity).sum();
    }

    /**
     * This order moved to {@code next} at {@code now}.
     *
     * @throws IllegalOrderTransition when the state machine does not allow it
     */
    public Order moveTo(OrderStatus next, Instant now) {
        if (!status.canMoveTo(next)) {
            throw new IllegalOrderTransition(status, next);
        }
        Instant updated = now.isBefore(createdAt) ? createdAt : now;
        return new Order(id, userId, next, lines, currency, createdAt, updated);
    }

    public boolean isOwnedBy(UserId user) {
        return userId.equals(user);
    }
}
