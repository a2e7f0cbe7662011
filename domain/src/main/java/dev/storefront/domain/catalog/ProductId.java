package dev.storefront.domain.catalog;

/** The identity of a product: a positive number assigned by the store. */
public record ProductId(long value) {
    public ProductId {
        if (value <= 0) {
            throw new IllegalArgumentException("product id must be positive: " + value);
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
