package dev.storefront.domain.catalog;

import dev.storefront.domain.common.ConflictException;
import dev.storefront.domain.common.FieldViolation;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * More units were asked for than the store has (or the product is no longer sold). Carries, per
 * product, how many were requested and how many are available, so a client can tell the user.
 */
public final class InsufficientStock extends ConflictException {
    private static final long serialVersionUID = 1L;

    /** One product that cannot be supplied as asked. */
    public record Shortage(ProductId productId, int requested, int available) {
        public Shortage {
            Objects.requireNonNull(productId, "productId");
        }

        FieldViolation toViolation() {
            return new FieldViolation("productId", available == 0
                    ? "product " + productId + " is not available"
                    : "only " + available + " of product " + productId + " available",
                    Map.of("productId", productId.value(), "requested", requested, "available", available));
        }
    }

    private final transient List<Shortage> shortages;

    public InsufficientStock(List<Shortage> shortages) {
        super(shortages.size() == 1 ? "Not enough stock for 1 product" : "Not enough stock for " + shortages.size() + " products",
                shortages.stream().map(Shortage::toViolation).toList());
        if (shortages.isEmpty()) {
            throw new IllegalArgumentException("at least one shortage is required");
        }
        this.shortages = List.copyOf(shortages);
    }

    public InsufficientStock(ProductId productId, int requested, int available) {
        this(List.of(new Shortage(productId, requested, available)));
    }

    public List<Shortage> shortages() {
        return shortages;
    }
}
