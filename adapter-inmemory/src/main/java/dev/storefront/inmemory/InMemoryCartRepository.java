package dev.storefront.inmemory;

import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.cart.CartLine;
import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.port.out.CartRepository;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Carts in a map, restored with the other stores when an {@link InMemoryTransactions} rolls back. */
public final class InMemoryCartRepository implements CartRepository {
    private final Map<CartOwner, List<CartLine>> carts = new ConcurrentHashMap<>();

    public InMemoryCartRepository(InMemoryTransactions transactions) {
        transactions.register(() -> Snapshots.of(this, carts));
    }

    @Override
    public Cart load(CartOwner owner) {
        return Cart.restore(carts.getOrDefault(owner, List.of()));
    }

    @Override
    public void save(CartOwner owner, Cart cart) {
        if (cart.isEmpty()) {
            carts.remove(owner);
        } else {
            carts.put(owner, List.copyOf(cart.lines()));
        }
    }

    @Override
    public void delete(CartOwner owner) {
        carts.remove(owner);
    }
}
