package dev.storefront.domain.cart;

import dev.storefront.domain.catalog.ProductId;
import java.time.Instant;
import java.util.Objects;

/** A product and how many of it; the price is not kept here — a cart always shows today's price. */
public record CartLine(ProductId productId, Quantity quantity, Instant addedAt) {
    public CartLine {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(addedAt, "addedAt");
    }
}
