package dev.storefront.application.cart;

import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.cart.CartView;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductNotFound;
import dev.storefront.domain.port.in.cart.AddCartItemCommand;
import dev.storefront.domain.port.in.cart.AddCartItemUseCase;
import dev.storefront.domain.port.out.CartRepository;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.Transactions;
import jakarta.inject.Inject;
import java.util.Currency;
import java.util.Objects;

/** Adds to a line, checked against the product's stock in the same transaction as the write. */
public final class AddCartItemService implements AddCartItemUseCase {
    private final CartRepository carts;
    private final ProductRepository products;
    private final Transactions transactions;
    private final TimeSource time;
    private final CartViews views;

    /** @param currency the store's one currency */
    @Inject
    public AddCartItemService(CartRepository carts, ProductRepository products, Transactions transactions,
                              TimeSource time, Currency currency) {
        this.carts = Objects.requireNonNull(carts, "carts");
        this.products = Objects.requireNonNull(products, "products");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.time = Objects.requireNonNull(time, "time");
        this.views = new CartViews(products, Objects.requireNonNull(currency, "currency"));
    }

    @Override
    public CartView addItem(AddCartItemCommand command) {
        Objects.requireNonNull(command, "command");
        return transactions.inTransaction(() -> {
            Product product = products.findById(command.productId())
                    .filter(Product::active)
                    .orElseThrow(() -> new ProductNotFound(command.productId()));
            Cart cart = carts.load(command.owner());
            cart.add(product.id(), command.quantity(), product.stock(), time.now());
            carts.save(command.owner(), cart);
            return views.of(cart);
        });
    }
}
