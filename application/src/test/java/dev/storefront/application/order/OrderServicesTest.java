package dev.storefront.application.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.cart.CartLine;
import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.cart.Quantity;
import dev.storefront.domain.catalog.InsufficientStock;
import dev.storefront.domain.catalog.InsufficientStock.Shortage;
import dev.storefront.domain.catalog.NewProduct;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.common.Page;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.money.Money;
import dev.storefront.domain.order.EmptyCart;
import dev.storefront.domain.order.IdempotencyKey;
import dev.storefront.domain.order.IllegalOrderTransition;
import dev.storefront.domain.order.NewOrder;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.order.OrderLine;
import dev.storefront.domain.order.OrderNotFound;
import dev.storefront.domain.order.OrderStatus;
import dev.storefront.domain.port.in.order.CancelOrderCommand;
import dev.storefront.domain.port.in.order.ChangeOrderStatusCommand;
import dev.storefront.domain.port.in.order.CheckoutCommand;
import dev.storefront.domain.port.in.order.CheckoutResult;
import dev.storefront.domain.port.in.order.OrderQuery;
import dev.storefront.domain.port.in.order.OrdersQuery;
import dev.storefront.domain.port.out.OrderRepository;
import dev.storefront.domain.port.out.LockKey;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.user.Email;
import dev.storefront.domain.user.EmailUnverified;
import dev.storefront.domain.user.NewUser;
import dev.storefront.domain.user.PasswordHash;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.UserId;
import dev.storefront.domain.user.Username;
import dev.storefront.application.checkout.MethodPriceShippingRates;
import dev.storefront.application.checkout.StoredTaxRates;
import dev.storefront.inmemory.InMemoryAddressRepository;
import dev.storefront.inmemory.InMemoryCartRepository;
import dev.storefront.inmemory.InMemoryIdempotencyKeyRepository;
import dev.storefront.inmemory.InMemoryLocks;
import dev.storefront.inmemory.InMemoryOrderRepository;
import dev.storefront.inmemory.InMemoryProductRepository;
import dev.storefront.inmemory.InMemoryPromoCodeRepository;
import dev.storefront.inmemory.InMemoryShippingMethodRepository;
import dev.storefront.inmemory.InMemoryTaxRateRepository;
import dev.storefront.inmemory.InMemoryTransactions;
import dev.storefront.inmemory.InMemoryUserRepository;
import dev.storefront.inmemory.ManualTimeSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The order use cases over the in-memory fakes. */
class OrderServicesTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final UserId ALICE = new UserId(1);
    private static final UserId BOB = new UserId(2);

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final InMemoryProductRepository products = new InMemoryProductRepository(transactions);
    private final InMemoryCartRepository carts = new InMemoryCartRepository(transactions);
    private final InMemoryOrderRepository orders = new InMemoryOrderRepository(transactions, USD);
    private final InMemoryIdempotencyKeyRepository keys = new InMemoryIdempotencyKeyRepository(transactions);
    private final ManualTimeSource time = new ManualTimeSource(NOW);
    private final InMemoryLocks locks = new InMemoryLocks(transactions);
    private final InMemoryUserRepository users = new InMemoryUserRepository(transactions);
    private final InMemoryPromoCodeRepository promoCodes = new InMemoryPromoCodeRepository(transactions);

    private final CheckoutService checkout = checkoutWith(products, orders);
    private final CancelOrderService cancel = new CancelOrderService(transactions, orders, products, promoCodes, time);
    private final ChangeOrderStatusService changeStatus = new ChangeOrderStatusService(transactions, orders, products,
            promoCodes, time);
    private final GetOrderService get = new GetOrderService(transactions, orders);
    private final ListOrdersService list = new ListOrdersService(transactions, orders);
    private final SweepIdempotencyKeysService sweep = new SweepIdempotencyKeysService(transactions, keys, time);

    private CheckoutService checkoutWith(ProductRepository productRepository, OrderRepository orderRepository) {
        return new CheckoutService(transactions, locks, carts, productRepository, orderRepository, keys, time, users,
                false, pricing(productRepository));
    }

    /** A store without shipping methods, tax rates or promo codes: checkout as it was before them. */
    private CheckoutPricing pricing(ProductRepository productRepository) {
        return new CheckoutPricing(productRepository, new InMemoryAddressRepository(transactions),
                new InMemoryShippingMethodRepository(transactions), promoCodes, new MethodPriceShippingRates(),
                new StoredTaxRates(new InMemoryTaxRateRepository(transactions)), Optional.empty());
    }

    private Product product(String sku, String price, int stock) {
        return products.add(NewProduct.create(sku, "Product " + sku, null, "Test", new BigDecimal(price), stock, null, USD,
                NOW.minusSeconds(3600)));
    }

    private void fill(UserId user, Object... productAndQuantity) {
        List<CartLine> lines = new ArrayList<>();
        for (int i = 0; i < productAndQuantity.length; i += 2) {
            lines.add(new CartLine(((Product) productAndQuantity[i]).id(),
                    new Quantity((Integer) productAndQuantity[i + 1]), NOW.minusSeconds(60 - i)));
        }
        carts.save(CartOwner.user(user), Cart.restore(lines));
    }

    private int stock(Product product) {
        return products.findById(product.id()).orElseThrow().stock();
    }

    private Cart cart(UserId user) {
        return carts.load(CartOwner.user(user));
    }

    private static Money usd(String amount) {
        return Money.of(amount, USD);
    }

    @Test
    void checkoutFreezesTodaysPricesTakesStockAndEmptiesTheCart() {
        Product mug = product("MUG", "8.50", 5);
        Product tea = product("TEA", "0.10", 100);
        fill(ALICE, tea, 3, mug, 2);

        CheckoutResult result = checkout.checkout(new CheckoutCommand(ALICE));

        Order order = result.order();
        assertFalse(result.replayed());
        assertEquals(OrderStatus.PENDING, order.status());
        assertEquals(ALICE, order.userId());
        assertEquals(NOW, order.createdAt());
        assertEquals(NOW, order.updatedAt());
        assertEquals(List.of(
                new OrderLine(tea.id(), "TEA", "Product TEA", usd("0.10"), 3),
                new OrderLine(mug.id(), "MUG", "Product MUG", usd("8.50"), 2)), order.lines(), "in cart order");
        assertEquals(usd("17.30"), order.total());
        assertEquals(5, order.itemCount());
        assertEquals(3, stock(mug));
        assertEquals(97, stock(tea));
        assertTrue(cart(ALICE).isEmpty());
        assertEquals(Optional.of(order), orders.findById(order.id()));
    }

    @Test
    void withVerifiedEmailsRequiredAnUnverifiedUserIsRefusedAndNothingIsTaken() {
        User carol = users.add(NewUser.customer(new Username("carol"), new Email("carol@example.com"),
                new PasswordHash("h"), NOW));
        CheckoutService strict = new CheckoutService(transactions, locks, carts, products, orders, keys, time, users,
                true, pricing(products));
        Product mug = product("MUG", "8.50", 5);
        fill(carol.id(), mug, 2);

        assertThrows(EmailUnverified.class, () -> strict.checkout(new CheckoutCommand(carol.id())));
        assertEquals(5, stock(mug));
        assertFalse(cart(carol.id()).isEmpty());
        assertEquals(2, checkout.checkout(new CheckoutCommand(carol.id())).order().itemCount(),
                "without the setting the same user checks out");

        fill(carol.id(), mug, 1);
        users.update(users.findById(carol.id()).orElseThrow().withEmailVerified(true));
        assertEquals(1, strict.checkout(new CheckoutCommand(carol.id())).order().itemCount(), "once verified");
    }

    @Test
    void checkoutAsksForExactlyAllTheStockThatIsLeft() {
        Product last = product("LAST", "1.00", 2);
        fill(ALICE, last, 2);
        checkout.checkout(new CheckoutCommand(ALICE));
        assertEquals(0, stock(last));
    }

    @Test
    void anEmptyCartCannotBeCheckedOut() {
        assertThrows(EmptyCart.class, () -> checkout.checkout(new CheckoutCommand(ALICE)));
        assertEquals(List.of(), orders.all());
    }

    @Test
    void everyShortOrInactiveLineIsReportedAndNothingChanges() {
        Product enough = product("ENOUGH", "1.00", 10);
        Product short1 = product("SHORT", "1.00", 2);
        Product gone = product("GONE", "1.00", 50);
        Product empty = product("EMPTY", "1.00", 0);
        products.update(gone.deactivate());
        fill(ALICE, empty, 1, enough, 4, gone, 1, short1, 3);
        Cart before = cart(ALICE);

        InsufficientStock e = assertThrows(InsufficientStock.class, () -> checkout.checkout(new CheckoutCommand(ALICE)));

        assertEquals(List.of(new Shortage(short1.id(), 3, 2), new Shortage(gone.id(), 1, 0),
                new Shortage(empty.id(), 1, 0)), e.shortages(), "every shortage, by ascending product id");
        assertEquals(10, stock(enough));
        assertEquals(2, stock(short1));
        assertEquals(50, stock(gone));
        assertEquals(before.lines(), cart(ALICE).lines());
        assertEquals(List.of(), orders.all());
    }

    @Test
    void aProductDeletedFromTheStoreCountsAsUnavailable() {
        fill(ALICE);
        carts.save(CartOwner.user(ALICE), Cart.restore(List.of(new CartLine(new ProductId(999), new Quantity(2), NOW))));
        InsufficientStock e = assertThrows(InsufficientStock.class, () -> checkout.checkout(new CheckoutCommand(ALICE)));
        assertEquals(List.of(new Shortage(new ProductId(999), 2, 0)), e.shortages());
    }

    @Test
    void stockIsTakenInAscendingProductIdOrder() {
        Product a = product("A", "1.00", 5);
        Product b = product("B", "1.00", 5);
        Product c = product("C", "1.00", 5);
        fill(ALICE, c, 1, a, 1, b, 1);
        List<ProductId> taken = new ArrayList<>();
        ProductRepository recording = new ForwardingProducts(products) {
            @Override
            public boolean takeStock(ProductId id, int quantity) {
                taken.add(id);
                return super.takeStock(id, quantity);
            }
        };

        checkoutWith(recording, orders).checkout(new CheckoutCommand(ALICE));

        assertEquals(List.of(a.id(), b.id(), c.id()), taken);
    }

    @Test
    void checkoutTakesTheCartLockBeforeItReadsTheKeyOrTheCart() {
        Product a = product("A", "1.00", 5);
        fill(ALICE, a, 1);
        checkout.checkout(new CheckoutCommand(ALICE));
        assertEquals(List.of(LockKey.cart(CartOwner.user(ALICE))), locks.taken());
    }

    @Test
    void cancelReturnsStockInAscendingProductIdOrderAsCheckoutTakesIt() {
        Product a = product("A", "1.00", 5);
        Product b = product("B", "1.00", 5);
        Product c = product("C", "1.00", 5);
        fill(ALICE, c, 1, a, 1, b, 1);
        Order order = checkout.checkout(new CheckoutCommand(ALICE)).order();
        List<ProductId> returned = new ArrayList<>();
        ProductRepository recording = new ForwardingProducts(products) {
            @Override
            public boolean returnStock(ProductId id, int quantity) {
                returned.add(id);
                return super.returnStock(id, quantity);
            }
        };

        new CancelOrderService(transactions, orders, recording, promoCodes, time).cancelOrder(new CancelOrderCommand(ALICE, order.id()));

        assertEquals(List.of(a.id(), b.id(), c.id()), returned);
    }

    @Test
    void stockThatRunsOutMidwayRollsBackWhatWasAlreadyTaken() {
        Product a = product("A", "1.00", 5);
        Product b = product("B", "1.00", 5);
        fill(ALICE, a, 2, b, 3);
        // Another checkout takes B between this one's read and its decrement.
        ProductRepository racing = new ForwardingProducts(products) {
            @Override
            public boolean takeStock(ProductId id, int quantity) {
                if (id.equals(b.id())) {
                    super.takeStock(id, 4);
                }
                return super.takeStock(id, quantity);
            }
        };

        InsufficientStock e = assertThrows(InsufficientStock.class,
                () -> checkoutWith(racing, orders).checkout(new CheckoutCommand(ALICE)));

        assertEquals(List.of(new Shortage(b.id(), 3, 1)), e.shortages());
        assertEquals(5, stock(a), "A's decrement was rolled back");
        assertEquals(5, stock(b), "so was everything else in the transaction");
        assertEquals(2, cart(ALICE).lines().size());
        assertEquals(List.of(), orders.all());
    }

    @Test
    void aFaultAfterTheStockWasTakenLeavesStockOrdersCartAndKeyAsBefore() {
        Product a = product("A", "1.00", 5);
        fill(ALICE, a, 2);
        Cart before = cart(ALICE);
        List<Integer> stockAtFault = new ArrayList<>();
        OrderRepository failing = new ForwardingOrders(orders) {
            @Override
            public Order add(NewOrder order) {
                stockAtFault.add(stock(a));
                throw new IllegalStateException("injected fault");
            }
        };
        IdempotencyKey key = new IdempotencyKey("fault-1");

        assertThrows(IllegalStateException.class,
                () -> checkoutWith(products, failing).checkout(new CheckoutCommand(ALICE, key)));

        assertEquals(List.of(3), stockAtFault, "the fault came after the decrement");
        assertEquals(5, stock(a));
        assertEquals(List.of(), orders.all());
        assertEquals(before.lines(), cart(ALICE).lines());
        assertEquals(Optional.empty(), keys.find(ALICE, key));
        assertFalse(checkout.checkout(new CheckoutCommand(ALICE, key)).replayed(), "the retry places the order");
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheSameOrderAndChangesNothing() {
        Product a = product("A", "2.00", 10);
        fill(ALICE, a, 2);
        IdempotencyKey key = new IdempotencyKey("order-123");
        Order first = checkout.checkout(new CheckoutCommand(ALICE, key)).order();
        fill(ALICE, a, 5);
        time.advance(Duration.ofHours(23));

        CheckoutResult retry = checkout.checkout(new CheckoutCommand(ALICE, key));

        assertTrue(retry.replayed());
        assertEquals(first, retry.order());
        assertEquals(8, stock(a));
        assertEquals(5, cart(ALICE).itemCount(), "the cart filled since is left alone");
        assertEquals(1, orders.all().size());
    }

    @Test
    void aReplayReturnsTheOrderAsItIsNow() {
        Product a = product("A", "2.00", 10);
        fill(ALICE, a, 2);
        IdempotencyKey key = new IdempotencyKey("order-124");
        Order first = checkout.checkout(new CheckoutCommand(ALICE, key)).order();
        cancel.cancelOrder(new CancelOrderCommand(ALICE, first.id()));

        CheckoutResult retry = checkout.checkout(new CheckoutCommand(ALICE, key));
        assertTrue(retry.replayed());
        assertEquals(first.id(), retry.order().id());
        assertEquals(OrderStatus.CANCELLED, retry.order().status());
        assertEquals(10, stock(a));
    }

    @Test
    void keysArePerUser() {
        Product a = product("A", "2.00", 10);
        fill(ALICE, a, 1);
        fill(BOB, a, 2);
        IdempotencyKey key = new IdempotencyKey("same-key");
        Order alices = checkout.checkout(new CheckoutCommand(ALICE, key)).order();
        CheckoutResult bobs = checkout.checkout(new CheckoutCommand(BOB, key));
        assertFalse(bobs.replayed());
        assertEquals(BOB, bobs.order().userId());
        assertTrue(bobs.order().id().value() != alices.id().value());
        assertEquals(7, stock(a));
    }

    @Test
    void withoutAKeyEveryCheckoutIsNew() {
        Product a = product("A", "2.00", 10);
        fill(ALICE, a, 1);
        checkout.checkout(new CheckoutCommand(ALICE));
        assertThrows(EmptyCart.class, () -> checkout.checkout(new CheckoutCommand(ALICE)));
    }

    @Test
    void keysAreKeptADayThenSwept() {
        Product a = product("A", "2.00", 10);
        fill(ALICE, a, 1);
        IdempotencyKey key = new IdempotencyKey("sweep-me");
        checkout.checkout(new CheckoutCommand(ALICE, key));
        time.advance(Duration.ofHours(24));
        assertEquals(0, sweep.sweepIdempotencyKeys(), "exactly 24 hours: still kept");
        assertTrue(checkout.checkout(new CheckoutCommand(ALICE, key)).replayed());

        time.advance(Duration.ofMillis(1));
        assertEquals(1, sweep.sweepIdempotencyKeys());
        assertThrows(EmptyCart.class, () -> checkout.checkout(new CheckoutCommand(ALICE, key)),
                "a forgotten key is a new checkout");
    }

    @Test
    void theOwnerCancelsAndTheStockComesBackExactlyOnce() {
        Product a = product("A", "3.00", 10);
        Product b = product("B", "1.00", 10);
        fill(ALICE, a, 4, b, 1);
        Order order = checkout.checkout(new CheckoutCommand(ALICE)).order();
        time.advance(Duration.ofMinutes(5));

        Order cancelled = cancel.cancelOrder(new CancelOrderCommand(ALICE, order.id()));

        assertEquals(OrderStatus.CANCELLED, cancelled.status());
        assertEquals(NOW.plus(Duration.ofMinutes(5)), cancelled.updatedAt());
        assertEquals(NOW, cancelled.createdAt());
        assertEquals(cancelled, orders.findById(order.id()).orElseThrow());
        assertEquals(10, stock(a));
        assertEquals(10, stock(b));

        IllegalOrderTransition again = assertThrows(IllegalOrderTransition.class,
                () -> cancel.cancelOrder(new CancelOrderCommand(ALICE, order.id())));
        assertEquals(OrderStatus.CANCELLED, again.from());
        assertEquals(10, stock(a), "a second cancel gives nothing back");
    }

    @Test
    void aCancelThatLosesTheRaceForTheStatusRowGivesNothingBack() {
        Product a = product("A", "3.00", 10);
        fill(ALICE, a, 4);
        Order order = checkout.checkout(new CheckoutCommand(ALICE)).order();
        // Another caller moved the order between this one's read and its conditional write.
        OrderRepository lost = new ForwardingOrders(orders) {
            @Override
            public boolean changeStatus(OrderId id, OrderStatus expected, OrderStatus next, Instant updatedAt) {
                return false;
            }
        };
        List<ProductId> returned = new ArrayList<>();
        ProductRepository recording = new ForwardingProducts(products) {
            @Override
            public boolean returnStock(ProductId id, int quantity) {
                returned.add(id);
                return super.returnStock(id, quantity);
            }
        };

        assertThrows(IllegalOrderTransition.class, () -> new CancelOrderService(transactions, lost, recording, promoCodes, time)
                .cancelOrder(new CancelOrderCommand(ALICE, order.id())));
        assertEquals(List.of(), returned);
        assertEquals(6, stock(a));
    }

    @Test
    void onlyTheOwnerMayCancelOrSeeAnOrder() {
        Product a = product("A", "3.00", 10);
        fill(ALICE, a, 1);
        Order order = checkout.checkout(new CheckoutCommand(ALICE)).order();

        assertThrows(OrderNotFound.class, () -> cancel.cancelOrder(new CancelOrderCommand(BOB, order.id())));
        assertThrows(OrderNotFound.class, () -> get.getOrder(new OrderQuery(BOB, order.id())));
        assertThrows(OrderNotFound.class, () -> get.getOrder(new OrderQuery(ALICE, new OrderId(999))));
        assertEquals(order, get.getOrder(new OrderQuery(ALICE, order.id())));
        assertEquals(OrderStatus.PENDING, orders.findById(order.id()).orElseThrow().status());
        assertEquals(9, stock(a));
    }

    @Test
    void aShippedOrderCannotBeCancelled() {
        Product a = product("A", "3.00", 10);
        fill(ALICE, a, 1);
        Order order = checkout.checkout(new CheckoutCommand(ALICE)).order();
        changeStatus.changeOrderStatus(new ChangeOrderStatusCommand(order.id(), OrderStatus.PAID));
        changeStatus.changeOrderStatus(new ChangeOrderStatusCommand(order.id(), OrderStatus.SHIPPED));

        IllegalOrderTransition e = assertThrows(IllegalOrderTransition.class,
                () -> cancel.cancelOrder(new CancelOrderCommand(ALICE, order.id())));
        assertEquals(OrderStatus.SHIPPED, e.from());
        assertEquals(9, stock(a));
    }

    @Test
    void anAdminWalksAnOrderToDeliveredAndNoFurther() {
        Product a = product("A", "3.00", 10);
        fill(ALICE, a, 2);
        Order order = checkout.checkout(new CheckoutCommand(ALICE)).order();
        for (OrderStatus next : List.of(OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.DELIVERED)) {
            time.advance(Duration.ofHours(1));
            Order moved = changeStatus.changeOrderStatus(new ChangeOrderStatusCommand(order.id(), next));
            assertEquals(next, moved.status());
            assertEquals(time.now(), moved.updatedAt());
        }
        assertThrows(IllegalOrderTransition.class,
                () -> changeStatus.changeOrderStatus(new ChangeOrderStatusCommand(order.id(), OrderStatus.CANCELLED)));
        assertThrows(IllegalOrderTransition.class,
                () -> changeStatus.changeOrderStatus(new ChangeOrderStatusCommand(order.id(), OrderStatus.PENDING)));
        assertEquals(8, stock(a));
        assertThrows(OrderNotFound.class,
                () -> changeStatus.changeOrderStatus(new ChangeOrderStatusCommand(new OrderId(999), OrderStatus.PAID)));
    }

    @Test
    void anAdminCancellingAPaidOrderRestoresItsStock() {
        Product a = product("A", "3.00", 10);
        fill(ALICE, a, 2);
        Order order = checkout.checkout(new CheckoutCommand(ALICE)).order();
        changeStatus.changeOrderStatus(new ChangeOrderStatusCommand(order.id(), OrderStatus.PAID));
        changeStatus.changeOrderStatus(new ChangeOrderStatusCommand(order.id(), OrderStatus.CANCELLED));
        assertEquals(10, stock(a));
        assertThrows(IllegalOrderTransition.class,
                () -> changeStatus.changeOrderStatus(new ChangeOrderStatusCommand(order.id(), OrderStatus.CANCELLED)));
        assertEquals(10, stock(a));
    }

    @Test
    void historyIsTheUsersOrdersNewestFirst() {
        Product a = product("A", "1.00", 50);
        List<OrderId> placed = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            fill(ALICE, a, i);
            placed.add(checkout.checkout(new CheckoutCommand(ALICE)).order().id());
            fill(BOB, a, 1);
            checkout.checkout(new CheckoutCommand(BOB));
            time.advance(Duration.ofMinutes(1));
        }
        Page<Order> page = list.listOrders(new OrdersQuery(ALICE, new PageRequest(1, 2)));
        assertEquals(3, page.total());
        assertEquals(List.of(placed.get(2), placed.get(1)), page.items().stream().map(Order::id).toList());
        assertEquals(List.of(placed.get(0)), list.listOrders(new OrdersQuery(ALICE, new PageRequest(2, 2)))
                .items().stream().map(Order::id).toList());
    }

    @Test
    void dashboardFiguresFollowTheOrders() {
        Product a = product("A", "2.50", 50);
        fill(ALICE, a, 2);
        Order first = checkout.checkout(new CheckoutCommand(ALICE)).order();
        time.advance(Duration.ofMinutes(1));
        fill(ALICE, a, 1);
        checkout.checkout(new CheckoutCommand(ALICE));
        cancel.cancelOrder(new CancelOrderCommand(ALICE, first.id()));

        var stats = orders.statsFor(ALICE);
        assertEquals(2, stats.orders());
        assertEquals(usd("2.50"), stats.totalSpent());
        assertEquals(2, stats.recentOrders().size());
    }

    /** A product repository that forwards everything, for tests that change one call. */
    private static class ForwardingProducts implements ProductRepository {
        private final ProductRepository delegate;

        ForwardingProducts(ProductRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public Product add(NewProduct product) {
            return delegate.add(product);
        }

        @Override
        public void update(Product product) {
            delegate.update(product);
        }

        @Override
        public Optional<Product> findById(ProductId id) {
            return delegate.findById(id);
        }

        @Override
        public Optional<Product> findByIdForUpdate(ProductId id) {
            return delegate.findByIdForUpdate(id);
        }

        @Override
        public List<Product> findAllById(List<ProductId> ids) {
            return delegate.findAllById(ids);
        }

        @Override
        public Optional<Product> findBySku(dev.storefront.domain.catalog.Sku sku) {
            return delegate.findBySku(sku);
        }

        @Override
        public Page<Product> search(dev.storefront.domain.catalog.ProductFilter filter,
                                    dev.storefront.domain.catalog.ProductSort sort, PageRequest page) {
            return delegate.search(filter, sort, page);
        }

        @Override
        public List<dev.storefront.domain.catalog.CategorySummary> categories() {
            return delegate.categories();
        }

        @Override
        public long count() {
            return delegate.count();
        }

        @Override
        public boolean takeStock(ProductId id, int quantity) {
            return delegate.takeStock(id, quantity);
        }

        @Override
        public boolean returnStock(ProductId id, int quantity) {
            return delegate.returnStock(id, quantity);
        }
    }

    /** An order repository that forwards everything, for tests that change one call. */
    private static class ForwardingOrders implements OrderRepository {
        private final OrderRepository delegate;

        ForwardingOrders(OrderRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public Order add(NewOrder order) {
            return delegate.add(order);
        }

        @Override
        public Optional<Order> findById(OrderId id) {
            return delegate.findById(id);
        }

        @Override
        public Page<Order> findByUser(UserId userId, PageRequest page) {
            return delegate.findByUser(userId, page);
        }

        @Override
        public boolean changeStatus(OrderId id, OrderStatus expected, OrderStatus next, Instant updatedAt) {
            return delegate.changeStatus(id, expected, next, updatedAt);
        }
    }
}
