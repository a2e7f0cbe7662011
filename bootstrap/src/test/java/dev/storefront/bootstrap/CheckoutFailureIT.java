package dev.storefront.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.bootstrap.OrderTestKit.Shopper;
import dev.storefront.bootstrap.HttpTestClient.Response;
import dev.storefront.domain.cart.CartLine;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.common.Page;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.order.NewOrder;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.order.OrderStatus;
import dev.storefront.domain.port.out.OrderRepository;
import dev.storefront.domain.user.UserId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fault between the stock decrement and the writing of the order (the order repository's
 * {@code add} throws, injected through the facade builder) leaves stock, orders, cart and
 * idempotency key exactly as they were: checkout is all or nothing on the real database.
 */
class CheckoutFailureIT {
    @TempDir
    Path dataDir;
    private TestServer server;
    private OrderTestKit kit;
    private final AtomicBoolean armed = new AtomicBoolean();
    private final AtomicReference<Product> watched = new AtomicReference<>();
    private final List<Integer> stockSeenAtFault = new ArrayList<>();

    /** Forwards to the real repository; while armed, {@code add} records the stock it sees and fails. */
    private final class FaultyOrders implements OrderRepository {
        private final OrderRepository real;

        FaultyOrders(OrderRepository real) {
            this.real = real;
        }

        @Override
        public Order add(NewOrder order) {
            if (armed.get()) {
                // Same thread, same transaction: this read sees the checkout's own decrement.
                stockSeenAtFault.add(server.server.storefront().catalog().getProduct().getProduct(watched.get().id()).stock());
                throw new IllegalStateException("injected fault: the disk is full");
            }
            return real.add(order);
        }

        @Override
        public Optional<Order> findById(OrderId id) {
            return real.findById(id);
        }

        @Override
        public Page<Order> findByUser(UserId userId, PageRequest page) {
            return real.findByUser(userId, page);
        }

        @Override
        public boolean changeStatus(OrderId id, OrderStatus expected, OrderStatus next, Instant updatedAt) {
            return real.changeStatus(id, expected, next, updatedAt);
        }
    }

    @BeforeEach
    void start() {
        server = TestServer.start(dataDir, Map.of(), builder -> builder.orderRepositoryDecorator(FaultyOrders::new));
        kit = new OrderTestKit(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aFaultAfterTheStockDecrementLeavesStockOrdersAndCartExactlyAsBefore() {
        Shopper alice = kit.shopper("alice");
        Product mug = kit.product("8.50", 5);
        Product tea = kit.product("0.10", 100);
        long earlier = placeOrder(alice, tea, 1);
        kit.fill(alice, mug, 2, tea, 30);
        List<CartLine> cartBefore = kit.cart(alice).lines();
        String ordersBefore = server.get("/api/orders", alice.sid()).body();
        String dashboardBefore = server.get("/api/dashboard", alice.sid()).json().path("stats").toString();
        watched.set(mug);
        armed.set(true);

        Response failed = kit.checkout(alice);

        assertEquals(500, failed.status(), failed.body());
        assertEquals("/problems/internal", failed.json().path("type").asText());
        assertFalse(failed.body().contains("disk is full"), "no internals in the answer");
        assertTrue(failed.header("X-Request-Id").isPresent());
        assertEquals(List.of(3), stockSeenAtFault, "the fault came after the stock was taken");

        assertEquals(5, kit.stock(mug));
        assertEquals(99, kit.stock(tea));
        assertEquals(cartBefore, kit.cart(alice).lines());
        assertEquals(ordersBefore, server.get("/api/orders", alice.sid()).body());
        assertEquals(dashboardBefore, server.get("/api/dashboard", alice.sid()).json().path("stats").toString());
        assertEquals(200, server.get("/api/orders/" + earlier, alice.sid()).status());

        armed.set(false);
        long placed = placeOrder(alice, mug, 2, tea, 30);
        assertEquals(earlier + 1, placed, "the failed attempt used up no order id");
        assertEquals(3, kit.stock(mug));
        assertEquals(69, kit.stock(tea));
    }

    @Test
    void theKeyOfAFailedCheckoutIsNotKeptSoTheRetryPlacesTheOrder() {
        Shopper alice = kit.shopper("alice");
        Product mug = kit.product("8.50", 5);
        kit.fill(alice, mug, 2);
        watched.set(mug);
        armed.set(true);
        assertEquals(500, kit.checkout(alice, "Idempotency-Key", "retry-after-fault").status());
        armed.set(false);

        Response retry = kit.checkout(alice, "Idempotency-Key", "retry-after-fault");

        assertEquals(201, retry.status(), retry.body());
        assertEquals(3, kit.stock(mug));
        Response replay = kit.checkout(alice, "Idempotency-Key", "retry-after-fault");
        assertEquals(200, replay.status());
        assertEquals(retry.json(), replay.json());
        assertEquals(3, kit.stock(mug));
    }

    private long placeOrder(Shopper shopper, Object... productAndQuantity) {
        kit.fill(shopper, productAndQuantity);
        Response placed = kit.checkout(shopper);
        assertEquals(201, placed.status(), placed.body());
        return placed.json().path("order").path("id").asLong();
    }
}
