package dev.storefront.application.order;

import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.order.EmptyCart;
import dev.storefront.domain.port.in.order.CheckoutQuote;
import dev.storefront.domain.port.in.order.QuoteCheckoutQuery;
import dev.storefront.domain.port.in.order.QuoteCheckoutUseCase;
import dev.storefront.domain.port.out.CartRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.Transactions;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * The quote: the user's saved cart priced by the same {@link CheckoutPricing} as the checkout, with
 * the same refusals (an empty cart, a short line, a bad address, method or code), in a read-only
 * transaction on one snapshot — nothing is reserved, taken or written.
 */
public final class QuoteCheckoutService implements QuoteCheckoutUseCase {
    private final Transactions transactions;
    private final CartRepository carts;
    private final TimeSource time;
    private final CheckoutPricing pricing;

    @Inject
    public QuoteCheckoutService(Transactions transactions, CartRepository carts, TimeSource time,
                                CheckoutPricing pricing) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.carts = Objects.requireNonNull(carts, "carts");
        this.time = Objects.requireNonNull(time, "time");
        this.pricing = Objects.requireNonNull(pricing, "pricing");
    }

    @Override
    public CheckoutQuote quote(QuoteCheckoutQuery query) {
        Objects.requireNonNull(query, "query");
        return transactions.readOnly(() -> {
            Cart cart = carts.load(CartOwner.user(query.userId()));
            if (cart.isEmpty()) {
                throw new EmptyCart();
            }
            return pricing.price(query.userId(), cart, query.details(), time.now()).toQuote();
        });
    }
}
