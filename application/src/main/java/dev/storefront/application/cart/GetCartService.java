package dev.storefront.application.cart;

import dev.storefront.domain.cart.CartView;
import dev.storefront.domain.port.in.cart.CartQuery;
import dev.storefront.domain.port.in.cart.GetCartUseCase;
import dev.storefront.domain.port.out.CartRepository;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.Transactions;
import jakarta.inject.Inject;
import java.util.Currency;
import java.util.Objects;

public final class GetCartService implements GetCartUseCase {
    private final CartRepository carts;
    private final Transactions transactions;
    private final CartViews views;

    /** @param currency the store's one currency */
    @Inject
    public GetCartService(CartRepository carts, ProductRepository products, Transactions transactions,
                          Currency currency) {
        this.carts = Objects.requireNonNull(carts, "carts");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.views = new CartViews(Objects.requireNonNull(products, "products"),
                Objects.requireNonNull(currency, "currency"));
    }

    @Override
    public CartView getCart(CartQuery query) {
        Objects.requireNonNull(query, "query");
        return transactions.readOnly(() -> views.of(carts.load(query.owner())));
    }
}
