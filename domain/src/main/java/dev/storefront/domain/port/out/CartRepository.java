package dev.storefront.domain.port.out;

import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.cart.CartLine;
import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.catalog.ProductId;

/** Carts by owner. Joins the caller's transaction; load-modify-save runs inside one. */
public interface CartRepository {

    /** The owner's cart; an empty cart when it has none. */
    Cart load(CartOwner owner);

    /** Replaces the owner's stored lines with the cart's (an empty cart stores nothing). */
    void save(CartOwner owner, Cart cart);

    /**
     * Stores one line as the cart now holds it, leaving the owner's other lines alone: the line's
     * quantity if the owner has a line of its product (which keeps its place and time added),
     * otherwise a new last line. The caller's {@link Cart} decided the quantity.
     */
    void saveLine(CartOwner owner, CartLine line);

    /** Removes the owner's line of the product, if there is one; the other lines keep their order. */
    void removeLine(CartOwner owner, ProductId productId);

    /** Forgets the owner's cart. */
    void delete(CartOwner owner);
}
