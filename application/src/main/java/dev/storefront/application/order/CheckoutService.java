package dev.storefront.application.order;

import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.cart.CartLine;
import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.catalog.InsufficientStock;
import dev.storefront.domain.catalog.InsufficientStock.Shortage;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.order.EmptyCart;
import dev.storefront.domain.order.IdempotencyKey;
import dev.storefront.domain.order.NewOrder;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.order.OrderLine;
import dev.storefront.domain.port.in.order.CheckoutCommand;
import dev.storefront.domain.port.in.order.CheckoutResult;
import dev.storefront.domain.port.in.order.CheckoutUseCase;
import dev.storefront.domain.port.out.CartRepository;
import dev.storefront.domain.port.out.IdempotencyKeyRepository;
import dev.storefront.domain.port.out.Locks;
import dev.storefront.domain.port.out.OrderRepository;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.user.EmailUnverified;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checkout as one write transaction, under the user's cart lock ({@link Locks}): a known idempotency key answers the order it placed and
 * changes nothing; otherwise the cart is re-read with today's products, every short or inactive
 * line is reported at once, stock is taken product by product in ascending id order with the
 * conditional decrement (so two checkouts can never deadlock or oversell), the order is written
 * with today's prices, the cart is emptied and the key is stored. Any failure rolls all of it back.
 * With {@code requireVerifiedEmail} (REQUIRE_VERIFIED_EMAIL) a user whose email is not verified is
 * refused before anything is read or taken.
 */
public final class CheckoutService implements CheckoutUseCase {
    private static final System.Logger LOG = System.getLogger(CheckoutService.class.getName());
    private static final Comparator<ProductId> ASCENDING = Comparator.comparingLong(ProductId::value);

    private final Transactions transactions;
    private final Locks locks;
    private final CartRepository carts;
    private final ProductRepository products;
    private final OrderRepository orders;
    private final IdempotencyKeyRepository idempotencyKeys;
    private final TimeSource time;
    private final UserRepository users;
    private final boolean requireVerifiedEmail;

    @Inject
    public CheckoutService(Transactions transactions, Locks locks, CartRepository carts, ProductRepository products,
                           OrderRepository orders, IdempotencyKeyRepository idempotencyKeys, TimeSource time,
                           UserRepository users, boolean requireVerifiedEmail) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.carts = Objects.requireNonNull(carts, "carts");
        this.products = Objects.requireNonNull(products, "products");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.idempotencyKeys = Objects.requireNonNull(idempotencyKeys, "idempotencyKeys");
        this.time = Objects.requireNonNull(time, "time");
        this.users = Objects.requireNonNull(users, "users");
        this.requireVerifiedEmail = requireVerifiedEmail;
    }

    @Override
    public CheckoutResult checkout(CheckoutCommand command) {
        Objects.requireNonNull(command, "command");
        return transactions.inTransaction(() -> {
            UserId user = command.userId();
            if (requireVerifiedEmail && !users.findById(user).map(User::emailVerified).orElse(false)) {
                throw new EmailUnverified();
            }
            CartOwner owner = CartOwner.user(user);
            // First: a concurrent checkout of this user (the same Idempotency-Key or not) waits here,
            // then finds the key stored (a replay) or the cart empty, never a second order.
            locks.lockCart(owner);
            Optional<IdempotencyKey> key = command.idempotencyKey();
            if (key.isPresent()) {
                Optional<OrderId> earlier = idempotencyKeys.find(user, key.get());
                if (earlier.isPresent()) {
                    Order order = orders.findById(earlier.get()).orElseThrow(() -> new IllegalStateException(
                            "idempotency key of user " + user + " refers to missing order " + earlier.get()));
                    return new CheckoutResult(order, true);
                }
            }
            Cart cart = carts.load(owner);
            if (cart.isEmpty()) {
                throw new EmptyCart();
            }
            Instant now = time.now();
            List<OrderLine> lines = takeStock(cart);
            Order order = orders.add(new NewOrder(user, lines, lines.get(0).unitPrice().currency(), now));
            carts.delete(owner);
            key.ifPresent(k -> idempotencyKeys.remember(user, k, order.id(), now));
            LOG.log(System.Logger.Level.DEBUG, "user {0} placed order {1}", user, order.id());
            return new CheckoutResult(order, false);
        });
    }

    /** Checks every line, then takes the stock in ascending product id order; returns the order lines. */
    private List<OrderLine> takeStock(Cart cart) {
        // Quantities per product, summed (a cart holds one line per product, but the sum is what
        // is taken), in ascending id order: the order in which rows are locked and decremented.
        Map<ProductId, Integer> wanted = new TreeMap<>(ASCENDING);
        for (CartLine line : cart.lines()) {
            wanted.merge(line.productId(), line.quantity().value(), Integer::sum);
        }
        Map<ProductId, Product> today = products.findAllById(new ArrayList<>(wanted.keySet())).stream()
                .collect(Collectors.toMap(Product::id, Function.identity()));

        List<Shortage> shortages = new ArrayList<>();
        wanted.forEach((id, quantity) -> {
            Product product = today.get(id);
            int available = product == null || !product.active() ? 0 : product.stock();
            if (available < quantity) {
                shortages.add(new Shortage(id, quantity, available));
            }
        });
        if (!shortages.isEmpty()) {
            throw new InsufficientStock(shortages);
        }
        List<ProductId> notTaken = products.takeStock(wanted);
        if (!notTaken.isEmpty()) {
            // Only possible if stock changed since it was read in this transaction; the exception
            // rolls back whatever was taken.
            Map<ProductId, Integer> now = products.findAllById(notTaken).stream()
                    .collect(Collectors.toMap(Product::id, Product::stock));
            throw new InsufficientStock(notTaken.stream()
                    .map(id -> new Shortage(id, wanted.get(id), now.getOrDefault(id, 0))).toList());
        }

        Map<ProductId, OrderLine> lines = new LinkedHashMap<>();
        for (CartLine line : cart.lines()) {
            Product product = today.get(line.productId());
            lines.putIfAbsent(line.productId(), new OrderLine(product.id(), product.sku().value(), product.name(),
                    product.price(), wanted.get(line.productId())));
        }
        return List.copyOf(lines.values());
    }
}
