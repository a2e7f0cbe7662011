package dev.storefront.application.cart;

import dev.storefront.domain.cart.CartView;
import dev.storefront.domain.port.in.cart.ClearCartCommand;
import dev.storefront.domain.port.in.cart.ClearCartUseCase;
import dev.storefront.domain.port.out.CartRepository;
import dev.storefront.domain.port.out.Transactions;
import jakarta.inject.Inject;
import java.util.Currency;
import java.util.Objects;

public final class ClearCartService implements ClearCartUseCase {
    private final CartRepository carts;
    private final Transactions transactions;
    private final Currency currency;

    /** @param currency the store's one currency */
    @Inject
    public ClearCartService(CartRepository carts, Transactions transactions, Currency currency) {
        this.carts = Objects.requireNonNull(carts, "carts");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.currency = Objects.requireNonNull(currency, "currency");
    }

    @Override
    public CartView clearCart(ClearCartCommand command) {
        Objects.requireNonNull(command, "command");
        transactions.inTransaction(() -> carts.delete(command.owner()));
        return CartView.empty(currency);
    }
}
