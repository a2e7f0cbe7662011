package dev.storefront.application.cart;

import static dev.storefront.application.cart.CartKit.ids;
import static dev.storefront.application.cart.CartKit.quantities;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.cart.Quantity;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.port.in.cart.AddCartItemCommand;
import dev.storefront.domain.port.in.cart.CartQuery;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The guest cart handed over at login, over the in-memory fakes. */
class GuestCartMergerTest {
    private final CartKit kit = new CartKit();

    private void add(CartOwner owner, Product product, int quantity) {
        kit.add.addItem(new AddCartItemCommand(owner, product.id(), new Quantity(quantity)));
    }

    private void logIn(CartOwner.Guest guest, CartOwner.User user) {
        kit.merger.guestLoggedIn(guest.session(), CartKit.handle(9999), user.userId());
    }

    @Test
    void quantitiesAddUpCappedAtStockAndNinetyNineAndNewLinesComeLast() {
        CartOwner.User user = kit.user();
        CartOwner.Guest guest = kit.guest();
        Product shared = kit.product("1.00", 6);
        Product bulk = kit.product("1.00", 500);
        Product savedOnly = kit.product("1.00", 10);
        Product guestOnly = kit.product("1.00", 10);
        add(user, savedOnly, 1);
        add(user, shared, 4);
        add(user, bulk, 60);
        add(guest, guestOnly, 2);
        add(guest, shared, 5);
        add(guest, bulk, 60);

        logIn(guest, user);

        var view = kit.get.getCart(new CartQuery(user));
        assertEquals(List.of(savedOnly.id(), shared.id(), bulk.id(), guestOnly.id()), ids(view));
        assertEquals(Map.of(savedOnly.id(), 1, shared.id(), 6, bulk.id(), 99, guestOnly.id(), 2), quantities(view));
        assertTrue(kit.carts.load(guest).isEmpty(), "the guest cart is gone");
    }

    @Test
    void intoAnEmptySavedCartTheGuestCartMovesAsItIs() {
        CartOwner.User user = kit.user();
        CartOwner.Guest guest = kit.guest();
        Product a = kit.product("0.10", 10);
        Product b = kit.product("0.20", 10);
        add(guest, a, 3);
        add(guest, b, 1);

        logIn(guest, user);

        var view = kit.get.getCart(new CartQuery(user));
        assertEquals(Map.of(a.id(), 3, b.id(), 1), quantities(view));
        assertEquals("0.50", view.subtotal().toPlainString());
        assertEquals(4, kit.statistics.itemCount(user.userId()));
    }

    @Test
    void stockThatFellSinceTheGuestAddedCapsTheLineAndAnInactiveProductIsDropped() {
        CartOwner.User user = kit.user();
        CartOwner.Guest guest = kit.guest();
        Product shrinking = kit.product("1.00", 10);
        Product retired = kit.product("1.00", 10);
        Product savedRetired = kit.product("1.00", 10);
        add(guest, shrinking, 8);
        add(guest, retired, 2);
        add(user, savedRetired, 3);
        add(guest, savedRetired, 1);
        kit.restock(shrinking, 5);
        kit.deactivated(retired);
        kit.deactivated(savedRetired);

        logIn(guest, user);

        assertEquals(Map.of(savedRetired.id(), 3, shrinking.id(), 5),
                quantities(kit.get.getCart(new CartQuery(user))),
                "capped at today's stock; an inactive product adds nothing but the saved line is kept");
    }

    @Test
    void anEmptyGuestCartLeavesTheSavedCartAlone() {
        CartOwner.User user = kit.user();
        Product product = kit.product("1.00", 10);
        add(user, product, 2);

        logIn(kit.guest(), user);

        assertEquals(Map.of(product.id(), 2), quantities(kit.get.getCart(new CartQuery(user))));
    }

    @Test
    void aFailureAfterTheMergeInTheLoginTransactionUndoesIt() {
        CartOwner.User user = kit.user();
        CartOwner.Guest guest = kit.guest();
        Product product = kit.product("1.00", 10);
        add(guest, product, 2);

        assertThrows(IllegalStateException.class, () -> kit.transactions.inTransaction(() -> {
            logIn(guest, user);
            throw new IllegalStateException("login failed after the handover");
        }));

        assertTrue(kit.carts.load(user).isEmpty());
        assertEquals(2, kit.carts.load(guest).itemCount(), "the guest keeps the cart");
    }
}
