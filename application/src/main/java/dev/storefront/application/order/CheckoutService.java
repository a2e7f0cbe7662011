package dev.storefront.application.order;

import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.catalog.InsufficientStock;
import dev.storefront.domain.catalog.InsufficientStock.Shortage;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.order.EmptyCart;
import dev.storefront.domain.order.IdempotencyKey;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.port.in.order.CheckoutCommand;
import dev.storefront.domain.port.in.order.CheckoutResult;
import dev.storefront.domain.port.in.order.CheckoutUseCase;
import dev.storefront.domain.port.out.CartRepository;
import dev.storefront.domain.port.out.IdempotencyKeyRepository;
import dev.storefront.domain.port.out.Locks;
import dev.storefront.domain.port.out.OrderRepository;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.PromoCodeRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.domain.promo.PromoCode;
import dev.storefront.domain.promo.PromoCodeRejected;
import dev.storefront.domain.user.EmailUnverified;
import dev.storefront.domain.user.User;
import dev.storefront.domain.user.UserId;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checkout as one write transaction, under the user's cart lock ({@link Locks}): a known idempotency
 * key answers the order it placed and changes nothing; otherwise the cart is priced with the
 * customer's details exactly as a quote prices it ({@link CheckoutPricing}), stock is taken product
 * by product in ascending id order with the conditional decrement (so two checkouts can never
 * deadlock or oversell), then the promo code's use with its conditional update (so its
 * {@code usageLimit} holds under any concurrency; the per-user limit holds because a user's
 * checkouts queue on the cart lock), the order is written with its breakdown and snapshots, the
 * use recorded against it, the cart emptied and the key stored. Any failure rolls all of it back.
 * With {@code requireVerifiedEmail} (REQUIRE_VERIFIED_EMAIL) a user whose email is not verified is
 * refused before anything is read or taken.
 */
public final class CheckoutService implements CheckoutUseCase {
    private static final System.Logger LOG = System.getLogger(CheckoutService.class.getName());

    private final Transactions transactions;
    private final Locks locks;
    private final CartRepository carts;
    private final ProductRepository products;
    private final OrderRepository orders;
    private final IdempotencyKeyRepository idempotencyKeys;
    private final TimeSource time;
    private final UserRepository users;
    private final boolean requireVerifiedEmail;
    private final CheckoutPricing pricing;
    private final PromoCodeRepository promoCodes;

    /** @param pricing built on the same {@code products} (and the address, shipping and promo repositories) */
    @Inject
    public CheckoutService(Transactions transactions, Locks locks, CartRepository carts, ProductRepository products,
                           OrderRepository orders, IdempotencyKeyRepository idempotencyKeys, TimeSource time,
                           UserRepository users, boolean requireVerifiedEmail, CheckoutPricing pricing) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.carts = Objects.requireNonNull(carts, "carts");
        this.products = Objects.requireNonNull(products, "products");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.idempotencyKeys = Objects.requireNonNull(idempotencyKeys, "idempotencyKeys");
        this.time = Objects.requireNonNull(time, "time");
        this.users = Objects.requireNonNull(users, "users");
        this.requireVerifiedEmail = requireVerifiedEmail;
        this.pricing = Objects.requireNonNull(pricing, "pricing");
        this.promoCodes = pricing.promoCodes();
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
            CheckoutPricing.Priced priced = pricing.price(user, cart, command.details(), now);
            takeStock(priced.wanted());
            Optional<PromoCode> promo = priced.promo();
            // After stock, like stock: a conditional update; losing the last use to a concurrent
            // checkout rolls back the stock taken above.
            if (promo.isPresent() && !promoCodes.takeUse(promo.get().code())) {
                throw new PromoCodeRejected(PromoCodeRejected.Reason.EXHAUSTED);
            }
            Order order = orders.add(priced.toNewOrder(user, now));
            promo.ifPresent(p -> promoCodes.recordUse(p.code(), user, order.id(), now));
            carts.delete(owner);
            key.ifPresent(k -> idempotencyKeys.remember(user, k, order.id(), now));
            LOG.log(System.Logger.Level.DEBUG, "user {0} placed order {1}", user, order.id());
            return new CheckoutResult(order, false);
        });
    }

    /** Takes the stock, in the ascending product id order of {@code wanted}. */
    private void takeStock(Map<ProductId, Integer> wanted) {
        List<ProductId> notTaken = products.takeStock(wanted);
        if (!notTaken.isEmpty()) {
            // Only possible if stock changed since it was read in this transaction; the exception
            // rolls back whatever was taken.
            Map<ProductId, Integer> now = products.findAllById(notTaken).stream()
                    .collect(Collectors.toMap(Product::id, Product::stock));
            throw new InsufficientStock(notTaken.stream()
                    .map(id -> new Shortage(id, wanted.get(id), now.getOrDefault(id, 0))).toList());
        }
    }
}
