package dev.storefront.domain.cart;

import dev.storefront.domain.catalog.InsufficientStock;
import dev.storefront.domain.catalog.ProductId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The lines of one cart, one per product, in the order they were first added. The rules: a line
 * holds 1 to 99 units and never more than the stock at the time of the change; merging a guest
 * cart adds quantities up and caps them at the stock and at 99 instead of failing.
 */
public final class Cart {
    private final Map<ProductId, CartLine> lines;

    private Cart(Map<ProductId, CartLine> lines) {
        this.lines = lines;
    }

    public static Cart empty() {
        return new Cart(new LinkedHashMap<>());
    }

    /** Rebuilds a cart from storage. */
    public static Cart restore(List<CartLine> stored) {
        Map<ProductId, CartLine> lines = new LinkedHashMap<>();
        for (CartLine line : stored) {
            if (lines.putIfAbsent(line.productId(), line) != null) {
                throw new IllegalArgumentException("two lines for product " + line.productId());
            }
        }
        return new Cart(lines);
    }

    public List<CartLine> lines() {
        return Collections.unmodifiableList(new ArrayList<>(lines.values()));
    }

    public Optional<CartLine> line(ProductId productId) {
        return Optional.ofNullable(lines.get(productId));
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    public int itemCount() {
        return lines.values().stream().mapToInt(line -> line.quantity().value()).sum();
    }

    /**
     * Adds units to the product's line (creating it).
     *
     * @throws InsufficientStock when the line would hold more than {@code stock}
     * @throws IllegalArgumentException when the line would hold more than 99
     */
    public void add(ProductId productId, Quantity quantity, int stock, Instant now) {
        CartLine existing = lines.get(productId);
        int wanted = quantity.value() + (existing == null ? 0 : existing.quantity().value());
        if (wanted > Quantity.MAX) {
            throw new CartLineLimitExceeded(productId, wanted);
        }
        if (wanted > stock) {
            throw new InsufficientStock(productId, wanted, Math.max(0, stock));
        }
        lines.put(productId, new CartLine(productId, new Quantity(wanted),
                existing == null ? now : existing.addedAt()));
    }

    /**
     * Sets the product's line to exactly {@code quantity}; 0 removes it.
     *
     * @throws CartLineNotFound when the product is not in the cart
     * @throws InsufficientStock when {@code quantity} is more than {@code stock}
     */
    public void set(ProductId productId, int quantity, int stock) {
        CartLine existing = lines.get(productId);
        if (existing == null) {
            throw new CartLineNotFound(productId);
        }
        if (quantity == 0) {
            lines.remove(productId);
            return;
        }
        Quantity checked = new Quantity(quantity);
        if (quantity > stock) {
            throw new InsufficientStock(productId, quantity, Math.max(0, stock));
        }
        lines.put(productId, new CartLine(productId, checked, existing.addedAt()));
    }

    /** @throws CartLineNotFound when the product is not in the cart */
    public void remove(ProductId productId) {
        if (lines.remove(productId) == null) {
            throw new CartLineNotFound(productId);
        }
    }

    public void clear() {
        lines.clear();
    }

    /**
     * Takes the other cart's lines into this one: quantities add up, capped at the current stock
     * and at 99. What this cart already held is never reduced (nothing a user saved is lost; the
     * cart view flags a line the stock no longer covers), and a guest line with no stock is dropped.
     */
    public void mergeFrom(Cart other, ToIntFunction<ProductId> stock) {
        for (CartLine incoming : other.lines.values()) {
            CartLine existing = lines.get(incoming.productId());
            int saved = existing == null ? 0 : existing.quantity().value();
            int capped = Math.min(Math.min(saved + incoming.quantity().value(), Quantity.MAX),
                    stock.applyAsInt(incoming.productId()));
            int merged = Math.max(saved, capped);
            if (merged >= 1) {
                Instant addedAt = existing != null ? existing.addedAt() : incoming.addedAt();
                lines.put(incoming.productId(), new CartLine(incoming.productId(), new Quantity(merged), addedAt));
            }
        }
    }
}
