package dev.storefront.http.cart;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.cart.Quantity;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.port.in.cart.AddCartItemCommand;
import dev.storefront.http.common.HttpProblemException;

/** {@code POST /api/cart/items}: {@code {"productId", "quantity"?}}, quantity 1..99, default 1. */
public record AddCartItemRequest(long productId, int quantity) {
    static final int DEFAULT_QUANTITY = 1;

    /** @throws HttpProblemException 400 naming every missing or invalid field */
    public static AddCartItemRequest from(ObjectNode body) {
        CartItemFields fields = new CartItemFields(body);
        var productId = fields.wholeNumber("productId", true, 1, Long.MAX_VALUE, "must be a positive whole number");
        var quantity = fields.wholeNumber("quantity", false, 1, Quantity.MAX,
                "must be a whole number from 1 to " + Quantity.MAX);
        if (!fields.violations().isEmpty()) {
            throw HttpProblemException.invalid(fields.violations());
        }
        return new AddCartItemRequest(productId.getAsLong(), (int) quantity.orElse(DEFAULT_QUANTITY));
    }

    public AddCartItemCommand toCommand(CartOwner owner) {
        return new AddCartItemCommand(owner, new ProductId(productId), new Quantity(quantity));
    }
}
