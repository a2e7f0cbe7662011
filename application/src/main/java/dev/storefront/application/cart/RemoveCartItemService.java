package dev.storefront.application.cart;

import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.cart.CartView;
import dev.storefront.domain.port.in.cart.RemoveCartItemCommand;
import dev.storefront.domain.port.in.cart.RemoveCartItemUseCase;
import dev.storefront.domain.port.out.CartRepository;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.Transactions;
import jakarta.inject.Inject;
import java.util.Currency;
import java.util.Objects;

public final class RemoveCartItemService implements RemoveCartItemUseCase {
    private final CartRepository carts;
    private final Transactions transactions;
    private final CartViews views;

    /** @param currency the store's one currency */
    @Inject
    public RemoveCartItemService(CartRepository carts, ProductRepository products, Transactions transactions,
                                 Currency currency) {
        this.carts = Objects.requireNonNull(carts, "carts");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.views = new CartViews(Objects.requireNonNull(products, "products"),
                Objects.requireNonNull(currency, "currency"));
    }

    @Override
    public CartView removeItem(RemoveCartItemCommand command) {
        Objects.requireNonNull(command, "command");
        return transactions.inTransaction(() -> {
            Cart cart = carts.load(command.owner());
            cart.remove(command.productId());
            carts.removeLine(command.owner(), command.productId());
            return views.of(cart);
        });
    }
}
