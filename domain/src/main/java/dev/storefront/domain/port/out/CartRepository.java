package dev.storefront.domain.port.out;

import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.cart.CartOwner;

/** Carts by owner. Joins the caller's transaction; load-modify-save runs inside one. */
public interface CartRepository {

    /** The owner's cart; an empty cart when it has none. */
    Cart load(CartOwner owner);

    /** Replaces the owner's stored lines with the cart's (an empty cart stores nothing). */
    void save(CartOwner owner, Cart cart);

    /** Forgets the owner's cart. */
    void delete(CartOwner owner);
}
