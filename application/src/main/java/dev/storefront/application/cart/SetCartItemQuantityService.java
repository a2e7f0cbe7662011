package dev.storefront.application.cart;

import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.cart.CartStock;
import dev.storefront.domain.cart.CartView;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.port.in.cart.SetCartItemQuantityCommand;
import dev.storefront.domain.port.in.cart.SetCartItemQuantityUseCase;
import dev.storefront.domain.port.out.CartRepository;
import dev.storefront.domain.port.out.Locks;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.Transactions;
import jakarta.inject.Inject;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * Sets a line's quantity; 0 removes it (always allowed). A product that went inactive has no
 * stock, so its line can only be lowered to 0, that is removed.
 */
public final class SetCartItemQuantityService implements SetCartItemQuantityUseCase {
    private final CartRepository carts;
    private final Transactions transactions;
    private final Locks locks;
    private final CartViews views;

    /** @param currency the store's one currency */
    @Inject
    public SetCartItemQuantityService(CartRepository carts, ProductRepository products, Transactions transactions, Locks locks,
                                      Currency currency) {
        this.carts = Objects.requireNonNull(carts, "carts");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.views = new CartViews(Objects.requireNonNull(products, "products"),
                Objects.requireNonNull(currency, "currency"));
    }

    @Override
    public CartView setQuantity(SetCartItemQuantityCommand command) {
        Objects.requireNonNull(command, "command");
        return transactions.inTransaction(() -> {
            locks.lockCart(command.owner()); // a concurrent change of this cart waits: no lost increment, the cap holds
            Cart cart = carts.load(command.owner());
            List<Product> today = views.productsOf(cart, command.productId());
            cart.set(command.productId(), command.quantity(), CartStock.lookup(today).applyAsInt(command.productId()));
            // Only the changed line is written; the cart decided its quantity (0 removed it).
            cart.line(command.productId()).ifPresentOrElse(line -> carts.saveLine(command.owner(), line),
                    () -> carts.removeLine(command.owner(), command.productId()));
            return views.of(cart, today);
        });
    }
}
