package dev.storefront.application.cart;

import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.cart.CartView;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductNotFound;
import dev.storefront.domain.port.in.cart.AddCartItemCommand;
import dev.storefront.domain.port.in.cart.AddCartItemUseCase;
import dev.storefront.domain.port.out.CartRepository;
import dev.storefront.domain.port.out.Locks;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.Transactions;
import jakarta.inject.Inject;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * Adds to a line, checked against the product's stock in the same transaction as the write: the
 * cart and today's products of its lines and of the added one are read once, and only that line
 * is written.
 */
public final class AddCartItemService implements AddCartItemUseCase {
    private final CartRepository carts;
    private final Transactions transactions;
    private final Locks locks;
    private final TimeSource time;
    private final CartViews views;

    /** @param currency the store's one currency */
    @Inject
    public AddCartItemService(CartRepository carts, ProductRepository products, Transactions transactions, Locks locks,
                              TimeSource time, Currency currency) {
        this.carts = Objects.requireNonNull(carts, "carts");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.locks = Objects.requireNonNull(locks, "locks");
        this.time = Objects.requireNonNull(time, "time");
        this.views = new CartViews(Objects.requireNonNull(products, "products"),
                Objects.requireNonNull(currency, "currency"));
    }

    @Override
    public CartView addItem(AddCartItemCommand command) {
        Objects.requireNonNull(command, "command");
        return transactions.inTransaction(() -> {
            locks.lockCart(command.owner()); // a concurrent change of this cart waits: no lost increment, the cap holds
            Cart cart = carts.load(command.owner());
            List<Product> today = views.productsOf(cart, command.productId());
            Product product = today.stream()
                    .filter(p -> p.id().equals(command.productId()) && p.active())
                    .findFirst()
                    .orElseThrow(() -> new ProductNotFound(command.productId()));
            cart.add(product.id(), command.quantity(), product.stock(), time.now());
            // Only the changed line is written; the cart decided its quantity.
            carts.saveLine(command.owner(), cart.line(product.id()).orElseThrow());
            return views.of(cart, today);
        });
    }
}
