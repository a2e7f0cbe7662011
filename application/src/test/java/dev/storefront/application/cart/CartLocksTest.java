package dev.storefront.application.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.cart.Quantity;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.port.in.cart.AddCartItemCommand;
import dev.storefront.domain.port.in.cart.SetCartItemQuantityCommand;
import dev.storefront.domain.port.out.LockKey;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cart's read-modify-writes lock the owner first, so concurrent requests lose no increment. */
class CartLocksTest {
    private final CartKit kit = new CartKit();

    @Test
    void addAndSetQuantityLockTheOwnersCart() {
        Product product = kit.product("2.00", 10);
        CartOwner owner = kit.user();

        kit.add.addItem(new AddCartItemCommand(owner, product.id(), new Quantity(1)));
        kit.set.setQuantity(new SetCartItemQuantityCommand(owner, product.id(), 3));

        assertEquals(List.of(LockKey.cart(owner), LockKey.cart(owner)), kit.locks.taken());
    }

    @Test
    void aMergeLocksTheSavedCartThenTheGuestCart() {
        Product product = kit.product("2.00", 10);
        CartOwner.Guest guest = kit.guest();
        CartOwner.User user = kit.user();
        kit.add.addItem(new AddCartItemCommand(guest, product.id(), new Quantity(1)));

        kit.merger.guestLoggedIn(guest.session(), CartKit.handle(9999), user.userId());

        assertEquals(List.of(LockKey.cart(guest), LockKey.cart(user), LockKey.cart(guest)), kit.locks.taken());
    }
}
