package dev.storefront.domain.cart;

import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductId;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * How many units of a product a cart may hold as far as the catalog is concerned: its stock while
 * it is active, none once it is inactive (or unknown).
 */
public final class CartStock {
    private CartStock() {}

    public static int of(Product product) {
        return product.active() ? product.stock() : 0;
    }

    /** A stock lookup over the given products; a product not among them has no stock. */
    public static ToIntFunction<ProductId> lookup(Collection<Product> products) {
        Map<ProductId, Product> byId = products.stream().collect(Collectors.toMap(Product::id, Function.identity(),
                (a, b) -> a));
        return id -> {
            Product product = byId.get(id);
            return product == null ? 0 : of(product);
        };
    }
}
