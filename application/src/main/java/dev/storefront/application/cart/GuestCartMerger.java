package dev.storefront.application.cart;

import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.cart.CartLine;
import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.cart.CartStock;
import dev.storefront.domain.port.out.CartRepository;
import dev.storefront.domain.port.out.GuestSessionHandover;
import dev.storefront.domain.port.out.Locks;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.session.SessionHandle;
import dev.storefront.domain.user.UserId;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * At login, moves the guest session's cart into the user's saved cart ({@link Cart#mergeFrom}):
 * quantities add up, capped at today's stock (none for an inactive product) and at 99; what the
 * user had saved is never reduced. The guest cart is then deleted. Runs inside the login's
 * transaction (it joins it), so a failure here fails the login and changes nothing.
 */
public final class GuestCartMerger implements GuestSessionHandover {
    private final CartRepository carts;
    private final ProductRepository products;
    private final Transactions transactions;
    private final Locks locks;

    @Inject
    public GuestCartMerger(CartRepository carts, ProductRepository products, Transactions transactions, Locks locks) {
        this.carts = Objects.requireNonNull(carts, "carts");
        this.products = Objects.requireNonNull(products, "products");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.locks = Objects.requireNonNull(locks, "locks");
    }

    @Override
    public void guestLoggedIn(SessionHandle guestSession, SessionHandle userSession, UserId user) {
        Objects.requireNonNull(guestSession, "guestSession");
        Objects.requireNonNull(user, "user");
        CartOwner guest = CartOwner.guest(guestSession);
        CartOwner owner = CartOwner.user(user);
        transactions.inTransaction(() -> {
            // The saved cart first, as every other use case that locks it: an add on another device
            // meanwhile is not overwritten by the merged cart.
            locks.lockCart(owner);
            locks.lockCart(guest);
            Cart guestCart = carts.load(guest);
            if (guestCart.isEmpty()) {
                return;
            }
            Cart saved = carts.load(owner);
            saved.mergeFrom(guestCart, CartStock.lookup(products.findAllById(
                    guestCart.lines().stream().map(CartLine::productId).toList())));
            carts.save(owner, saved);
            carts.delete(guest);
        });
    }
}
