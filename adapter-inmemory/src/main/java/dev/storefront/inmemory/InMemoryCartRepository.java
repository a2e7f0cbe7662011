package dev.storefront.inmemory;

import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.cart.CartLine;
import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.port.out.CartRepository;
import java.util.ArrayList;
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
    public void saveLine(CartOwner owner, CartLine line) {
        carts.compute(owner, (o, stored) -> {
            List<CartLine> lines = stored == null ? new ArrayList<>() : new ArrayList<>(stored);
            int at = indexOf(lines, line.productId());
            if (at < 0) {
                lines.add(line);
            } else {
                CartLine kept = lines.get(at);
                lines.set(at, new CartLine(kept.productId(), line.quantity(), kept.addedAt()));
            }
            return List.copyOf(lines);
        });
    }

    @Override
    public void removeLine(CartOwner owner, ProductId productId) {
        carts.computeIfPresent(owner, (o, stored) -> {
            List<CartLine> lines = new ArrayList<>(stored);
            lines.removeIf(line -> line.productId().equals(productId));
            return lines.isEmpty() ? null : List.copyOf(lines);
        });
    }

    private static int indexOf(List<CartLine> lines, ProductId productId) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).productId().equals(productId)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void delete(CartOwner owner) {
        carts.remove(owner);
    }
}
