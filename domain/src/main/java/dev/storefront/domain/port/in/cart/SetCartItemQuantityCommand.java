package dev.storefront.domain.port.in.cart;

import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.cart.Quantity;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.common.InvalidInputException;
import java.util.Objects;

/**
 * Set the product's line to exactly {@code quantity} units, 0 to 99; 0 removes the line.
 *
 * @throws InvalidInputException (field {@code quantity}) for a quantity out of 0..99
 */
public record SetCartItemQuantityCommand(CartOwner owner, ProductId productId, int quantity) {
    public SetCartItemQuantityCommand {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(productId, "productId");
        if (!isValid(quantity)) {
            throw new InvalidInputException("quantity", "must be a whole number from 0 to " + Quantity.MAX);
        }
    }

    /** Whether a line may be set to this quantity (0 meaning: remove it). */
    public static boolean isValid(long quantity) {
        return quantity == 0 || Quantity.isValid(quantity);
    }
}
