package dev.storefront.application.cart;

import static dev.storefront.application.cart.CartKit.USD;
import static dev.storefront.application.cart.CartKit.ids;
import static dev.storefront.application.cart.CartKit.quantities;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.cart.CartLineLimitExceeded;
import dev.storefront.domain.cart.CartLineNotFound;
import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.cart.CartView;
import dev.storefront.domain.cart.Quantity;
import dev.storefront.domain.catalog.InsufficientStock;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.catalog.ProductNotFound;
import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.port.in.cart.AddCartItemCommand;
import dev.storefront.domain.port.in.cart.CartQuery;
import dev.storefront.domain.port.in.cart.ClearCartCommand;
import dev.storefront.domain.port.in.cart.RemoveCartItemCommand;
import dev.storefront.domain.port.in.cart.SetCartItemQuantityCommand;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cart use cases over the in-memory fakes. */
class CartServicesTest {
    private final CartKit kit = new CartKit();

    private CartView add(CartOwner owner, Product product, int quantity) {
        return kit.add.addItem(new AddCartItemCommand(owner, product.id(), new Quantity(quantity)));
    }

    private CartView set(CartOwner owner, Product product, int quantity) {
        return kit.set.setQuantity(new SetCartItemQuantityCommand(owner, product.id(), quantity));
    }

    private CartView cart(CartOwner owner) {
        return kit.get.getCart(new CartQuery(owner));
    }

    @Test
    void anOwnerWithoutACartSeesAnEmptyOneInTheStoreCurrency() {
        CartView view = cart(kit.user());
        assertTrue(view.isEmpty());
        assertEquals("0.00", view.subtotal().toPlainString());
        assertEquals(USD, view.currency());
    }

    @Test
    void addingCreatesALineThenAddsToItAndTheViewIsPricedExactly() {
        CartOwner owner = kit.guest();
        Product dime = kit.product("0.10", 10);
        Product twenty = kit.product("0.20", 10);

        add(owner, dime, 1);
        kit.time.advance(Duration.ofMinutes(1));
        add(owner, twenty, 1);
        CartView view = add(owner, dime, 2);

        assertEquals(List.of(dime.id(), twenty.id()), ids(view), "lines stay in the order first added");
        assertEquals(Map.of(dime.id(), 3, twenty.id(), 1), quantities(view));
        assertEquals("0.30", view.items().get(0).lineTotal().toPlainString());
        assertEquals("0.50", view.subtotal().toPlainString());
        assertEquals(4, view.itemCount());
        assertEquals(view, cart(owner), "the write's answer is what a read shows");
        assertEquals(CartKit.NOW, kit.carts.load(owner).line(dime.id()).orElseThrow().addedAt());
    }

    @Test
    void addingAnUnknownOrInactiveProductIs404AndChangesNothing() {
        CartOwner owner = kit.user();
        Product gone = kit.deactivated(kit.product("1.00", 5));

        assertThrows(ProductNotFound.class, () -> kit.add.addItem(
                new AddCartItemCommand(owner, new ProductId(999), new Quantity(1))));
        assertThrows(ProductNotFound.class, () -> add(owner, gone, 1));
        assertTrue(kit.carts.load(owner).isEmpty());
    }

    @Test
    void addingMoreThanTheStockCountsWhatTheLineAlreadyHolds() {
        CartOwner owner = kit.user();
        Product product = kit.product("2.00", 5);
        add(owner, product, 4);

        InsufficientStock refused = assertThrows(InsufficientStock.class, () -> add(owner, product, 2));

        assertEquals(List.of(new InsufficientStock.Shortage(product.id(), 6, 5)), refused.shortages());
        assertEquals(Map.of(product.id(), 4), quantities(cart(owner)), "nothing changed");
    }

    @Test
    void aLineHoldsAtMostNinetyNineWhateverTheStock() {
        CartOwner owner = kit.user();
        Product product = kit.product("1.00", 1000);
        add(owner, product, 98);
        assertThrows(CartLineLimitExceeded.class, () -> add(owner, product, 2));
        assertEquals(99, quantities(add(owner, product, 1)).get(product.id()));
    }

    @Test
    void settingAQuantityReplacesItAndZeroRemovesTheLine() {
        CartOwner owner = kit.guest();
        Product a = kit.product("3.00", 10);
        Product b = kit.product("4.00", 10);
        add(owner, a, 1);
        add(owner, b, 1);

        assertEquals(Map.of(a.id(), 7, b.id(), 1), quantities(set(owner, a, 7)));
        CartView view = set(owner, a, 0);
        assertEquals(List.of(b.id()), ids(view));
        assertEquals("4.00", view.subtotal().toPlainString());
    }

    @Test
    void settingChecksStockAndThatTheProductIsInTheCart() {
        CartOwner owner = kit.user();
        Product product = kit.product("1.00", 3);
        Product other = kit.product("1.00", 3);
        add(owner, product, 1);

        InsufficientStock refused = assertThrows(InsufficientStock.class, () -> set(owner, product, 4));
        assertEquals(List.of(new InsufficientStock.Shortage(product.id(), 4, 3)), refused.shortages());
        assertThrows(CartLineNotFound.class, () -> set(owner, other, 1));
        assertThrows(CartLineNotFound.class, () -> set(owner, other, 0), "0 on a missing line is still a 404");
        assertEquals(Map.of(product.id(), 1), quantities(cart(owner)));
    }

    @Test
    void aQuantityOutsideZeroToNinetyNineIsInvalidInput() {
        CartOwner owner = kit.user();
        ProductId id = new ProductId(1);
        InvalidInputException negative = assertThrows(InvalidInputException.class,
                () -> new SetCartItemQuantityCommand(owner, id, -1));
        assertEquals("quantity", negative.violations().get(0).field());
        assertThrows(InvalidInputException.class, () -> new SetCartItemQuantityCommand(owner, id, 100));
        assertEquals(99, new SetCartItemQuantityCommand(owner, id, 99).quantity());
    }

    @Test
    void aLineOfAProductThatWentInactiveIsFlaggedAndCanOnlyBeRemoved() {
        CartOwner owner = kit.user();
        Product product = kit.product("5.00", 10);
        Product other = kit.product("1.00", 10);
        add(owner, product, 2);
        add(owner, other, 1);
        kit.deactivated(product);

        CartView view = cart(owner);
        assertFalse(view.items().get(0).available());
        assertTrue(view.items().get(1).available());
        assertEquals("11.00", view.subtotal().toPlainString(), "flagged lines still count");
        assertEquals(3, view.itemCount());

        InsufficientStock refused = assertThrows(InsufficientStock.class, () -> set(owner, product, 1));
        assertEquals(0, refused.shortages().get(0).available());
        assertThrows(ProductNotFound.class, () -> add(owner, product, 1));
        assertEquals(List.of(other.id()), ids(set(owner, product, 0)));
    }

    @Test
    void aLineTheStockNoLongerCoversIsFlaggedUntilTheStockReturns() {
        CartOwner owner = kit.user();
        Product product = kit.product("5.00", 10);
        add(owner, product, 4);

        kit.restock(product, 3);
        assertFalse(cart(owner).items().get(0).available());
        kit.restock(product, 0);
        assertFalse(cart(owner).items().get(0).available());
        kit.restock(product, 4);
        assertTrue(cart(owner).items().get(0).available());
    }

    @Test
    void removingTakesOutOneLineAndAMissingLineIs404() {
        CartOwner owner = kit.guest();
        Product a = kit.product("1.00", 10);
        Product b = kit.product("2.00", 10);
        add(owner, a, 1);
        add(owner, b, 2);

        CartView view = kit.remove.removeItem(new RemoveCartItemCommand(owner, a.id()));
        assertEquals(List.of(b.id()), ids(view));
        assertThrows(CartLineNotFound.class, () -> kit.remove.removeItem(new RemoveCartItemCommand(owner, a.id())));
    }

    @Test
    void clearingEmptiesTheCartAndIsIdempotent() {
        CartOwner owner = kit.user();
        add(owner, kit.product("1.00", 10), 2);

        assertTrue(kit.clear.clearCart(new ClearCartCommand(owner)).isEmpty());
        assertTrue(cart(owner).isEmpty());
        assertTrue(kit.clear.clearCart(new ClearCartCommand(owner)).isEmpty());
    }

    @Test
    void ownersNeverSeeEachOthersCarts() {
        CartOwner guest = kit.guest();
        CartOwner otherGuest = kit.guest();
        CartOwner user = kit.user();
        Product product = kit.product("1.00", 10);
        add(guest, product, 2);

        assertTrue(cart(otherGuest).isEmpty());
        assertTrue(cart(user).isEmpty());
        assertThrows(CartLineNotFound.class, () -> set(otherGuest, product, 1));
    }

    @Test
    void theDashboardCountsEveryUnitOfTheSavedCart() {
        CartOwner.User user = kit.user();
        assertEquals(0, kit.statistics.itemCount(user.userId()));
        add(user, kit.product("1.00", 10), 2);
        Product gone = kit.product("1.00", 10);
        add(user, gone, 3);
        kit.deactivated(gone);
        assertEquals(5, kit.statistics.itemCount(user.userId()));
    }
}
