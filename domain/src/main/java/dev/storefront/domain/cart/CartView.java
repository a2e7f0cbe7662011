package dev.storefront.domain.cart;

import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.catalog.Sku;
import dev.storefront.domain.money.Money;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A cart as a shopper sees it: each line with today's catalog price, its total and whether it can
 * be bought as it stands; the item count and subtotal over every line.
 *
 * <p>The rules: {@code unitPrice} is the product's price now (a cart keeps no price);
 * {@code lineTotal = unitPrice × quantity}; a line is {@code available} when its product is active
 * and its stock covers the line's quantity. Unavailable lines are shown and <em>count</em>:
 * {@code itemCount} is the sum of all quantities and {@code subtotal} the sum of all line totals,
 * so the figures always add up to what is listed; checkout refuses a cart with an unavailable line.
 * A line whose product no longer exists at all is left out (products are never deleted, so this
 * only happens with inconsistent test data).
 */
public record CartView(List<Line> items, int itemCount, Money subtotal, Currency currency) {

    /** One line of the view. */
    public record Line(ProductId productId, Sku sku, String name, Money unitPrice, Quantity quantity,
                       Money lineTotal, boolean available) {
        public Line {
            Objects.requireNonNull(productId, "productId");
            Objects.requireNonNull(sku, "sku");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(unitPrice, "unitPrice");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(lineTotal, "lineTotal");
        }
    }

    public CartView {
        items = List.copyOf(items);
        Objects.requireNonNull(subtotal, "subtotal");
        Objects.requireNonNull(currency, "currency");
    }

    public static CartView empty(Currency currency) {
        return new CartView(List.of(), 0, Money.zero(currency), currency);
    }

    /**
     * The view of {@code cart} priced from {@code products} (the current state of at least the
     * cart's products; others are ignored), in the store's {@code currency}.
     */
    public static CartView of(Cart cart, Collection<Product> products, Currency currency) {
        Objects.requireNonNull(cart, "cart");
        Objects.requireNonNull(currency, "currency");
        Map<ProductId, Product> byId = products.stream()
                .collect(Collectors.toMap(Product::id, Function.identity(), (a, b) -> a));
        List<Line> lines = new ArrayList<>();
        int itemCount = 0;
        Money subtotal = Money.zero(currency);
        for (CartLine line : cart.lines()) {
            Product product = byId.get(line.productId());
            if (product == null) {
                continue;
            }
            Money lineTotal = product.price().times(line.quantity().value());
            boolean available = CartStock.of(product) >= line.quantity().value();
            lines.add(new Line(product.id(), product.sku(), product.name(), product.price(), line.quantity(),
                    lineTotal, available));
            itemCount += line.quantity().value();
            subtotal = subtotal.plus(lineTotal);
        }
        return new CartView(lines, itemCount, subtotal, currency);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
