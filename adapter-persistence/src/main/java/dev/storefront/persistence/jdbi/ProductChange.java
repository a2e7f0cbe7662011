package dev.storefront.persistence.jdbi;

import dev.storefront.domain.catalog.ProductId;
import java.util.Objects;
import java.util.Optional;

/**
 * A committed change to one product, by what it can affect in a cached search: its stock alone
 * (the product's own entry and the pages showing it), its stock across zero (also which products
 * an in-stock filter lets through), or what it is listed by (name, price, category, active: any
 * page's membership or order, and the category counts). Sent to other processes as the key
 * {@code s<id>}, {@code i<id>} or {@code p<id>}.
 */
record ProductChange(ProductId id, Kind kind) {
    enum Kind {
        STOCK('s'), IN_STOCK_FLIPPED('i'), LISTING('p');

        final char tag;

        Kind(char tag) {
            this.tag = tag;
        }
    }

    ProductChange {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }

    /** A stock change; {@code wasInStock != isInStock} makes it a flip. */
    static ProductChange ofStock(ProductId id, boolean wasInStock, boolean isInStock) {
        return new ProductChange(id, wasInStock == isInStock ? Kind.STOCK : Kind.IN_STOCK_FLIPPED);
    }

    String key() {
        return kind.tag + Long.toString(id.value());
    }

    /** The change a key names; empty for one this version does not know (then everything is dropped). */
    static Optional<ProductChange> parse(String key) {
        if (key.length() < 2) {
            return Optional.empty();
        }
        for (Kind kind : Kind.values()) {
            if (key.charAt(0) == kind.tag) {
                try {
                    return Optional.of(new ProductChange(new ProductId(Long.parseLong(key.substring(1))), kind));
                } catch (IllegalArgumentException malformed) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
