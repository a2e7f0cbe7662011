package dev.storefront.application.cart;

import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.cart.CartLine;
import dev.storefront.domain.cart.CartView;
import dev.storefront.domain.port.out.ProductRepository;
import java.util.Currency;

/** Prices a cart with the products as they are now; called inside the use case's transaction. */
final class CartViews {
    private final ProductRepository products;
    private final Currency currency;

    CartViews(ProductRepository products, Currency currency) {
        this.products = products;
        this.currency = currency;
    }

    CartView of(Cart cart) {
        if (cart.isEmpty()) {
            return CartView.empty(currency);
        }
        return CartView.of(cart, products.findAllById(cart.lines().stream().map(CartLine::productId).toList()),
                currency);
    }
}
