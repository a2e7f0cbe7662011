package dev.storefront.domain.cart;

import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.common.ConflictException;
import dev.storefront.domain.common.FieldViolation;
import java.util.List;
import java.util.Map;

/** Adding would put more than {@value Quantity#MAX} units of one product in the cart. */
public final class CartLineLimitExceeded extends ConflictException {
    private static final long serialVersionUID = 1L;

    public CartLineLimitExceeded(ProductId productId, int wanted) {
        super("A cart holds at most " + Quantity.MAX + " units of one product",
                List.of(new FieldViolation("quantity", "the line would hold " + wanted + "; at most " + Quantity.MAX,
                        Map.of("productId", productId.value(), "requested", wanted, "available", Quantity.MAX))));
    }
}
