package dev.storefront.domain.order;

import dev.storefront.domain.common.InvalidInputException;
import java.util.List;

/** A checkout of a cart with no lines: there is nothing to order. Nothing was changed. */
public final class EmptyCart extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public EmptyCart() {
        super("The cart is empty", List.of());
    }
}
