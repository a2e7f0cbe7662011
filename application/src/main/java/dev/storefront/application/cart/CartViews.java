package dev.storefront.application.cart;

import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.cart.CartLine;
import dev.storefront.domain.cart.CartView;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.port.out.ProductRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;

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
        return of(cart, products.findAllById(cart.lines().stream().map(CartLine::productId).toList()));
    }

    /**
     * Today's products of the cart's lines and of {@code also}, in one read: a use case that
     * changes a line decides with them and answers {@link #of(Cart, Collection)} with the same
     * (a cart write changes no product), instead of reading them again.
     */
    List<Product> productsOf(Cart cart, ProductId also) {
        List<ProductId> ids = new ArrayList<>(cart.lines().size() + 1);
        cart.lines().forEach(line -> ids.add(line.productId()));
        ids.add(also);
        return products.findAllById(ids);
    }

    /** The cart priced with these products (at least those of its lines). */
    CartView of(Cart cart, Collection<Product> today) {
        return cart.isEmpty() ? CartView.empty(currency) : CartView.of(cart, today, currency);
    }
}
