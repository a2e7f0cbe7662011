package dev.storefront.http.cart;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.cart.Quantity;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.port.in.cart.SetCartItemQuantityCommand;
import dev.storefront.http.common.HttpProblemException;

/** {@code PUT /api/cart/items/{productId}}: {@code {"quantity"}}, 0..99; 0 removes the line. */
public record SetCartItemQuantityRequest(int quantity) {

    /** @throws HttpProblemException 400 when quantity is missing or not a whole number from 0 to 99 */
    public static SetCartItemQuantityRequest from(ObjectNode body) {
        CartItemFields fields = new CartItemFields(body);
        var quantity = fields.wholeNumber("quantity", true, 0, Quantity.MAX,
                "must be a whole number from 0 to " + Quantity.MAX);
        if (!fields.violations().isEmpty()) {
            throw HttpProblemException.invalid(fields.violations());
        }
        return new SetCartItemQuantityRequest((int) quantity.getAsLong());
    }

    public SetCartItemQuantityCommand toCommand(CartOwner owner, ProductId productId) {
        return new SetCartItemQuantityCommand(owner, productId, quantity);
    }
}
