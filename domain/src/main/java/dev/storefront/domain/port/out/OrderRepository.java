package dev.storefront.domain.port.out;

import dev.storefront.domain.common.Page;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.order.NewOrder;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.order.OrderStatus;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * Orders with their frozen lines. Methods join the caller's transaction ({@link Transactions});
 * checkout and status changes run inside one.
 */
public interface OrderRepository {

    /** Stores a new order with its lines, in the order given, and gives it its id. */
    Order add(NewOrder order);

    /** An order by id, whoever owns it. */
    Optional<Order> findById(OrderId id);

    /** A page of the user's orders, newest first (ties: the higher id first). */
    Page<Order> findByUser(UserId userId, PageRequest page);

    /**
     * Moves the order from {@code expected} to {@code next} at {@code updatedAt}, only if it is
     * still {@code expected} (one statement: check and write together).
     *
     * @return whether the order was moved; false when it is in another state or does not exist
     */
    boolean changeStatus(OrderId id, OrderStatus expected, OrderStatus next, Instant updatedAt);
}
