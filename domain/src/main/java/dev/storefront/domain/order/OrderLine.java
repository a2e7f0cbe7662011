package dev.storefront.domain.order;

import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.money.Money;
import java.util.Objects;

/**
 * One product in an order, frozen at checkout: the sku, name and unit price of that moment, so
 * later catalog changes never rewrite history.
 */
public record OrderLine(ProductId productId, String sku, String name, Money unitPrice, int quantity) {
    public OrderLine {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (quantity < 1) {
            throw new IllegalArgumentException("an order line has at least one unit: " + quantity);
        }
        if (unitPrice.isNegative()) {
            throw new IllegalArgumentException("a unit price is never negative: " + unitPrice);
        }
    }

    public Money lineTotal() {
        return unitPrice.times(quantity);
    }
}
