package dev.storefront.application.cart;

import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.port.out.CartRepository;
import dev.storefront.domain.port.out.CartStatistics;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.user.UserId;
import jakarta.inject.Inject;
import java.util.Objects;

/** The dashboard's cart size: the units in the user's saved cart, every line counted. */
public final class SavedCartStatistics implements CartStatistics {
    private final CartRepository carts;
    private final Transactions transactions;

    @Inject
    public SavedCartStatistics(CartRepository carts, Transactions transactions) {
        this.carts = Objects.requireNonNull(carts, "carts");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    @Override
    public int itemCount(UserId userId) {
        Objects.requireNonNull(userId, "userId");
        return transactions.readOnly(() -> carts.load(CartOwner.user(userId)).itemCount());
    }

}
