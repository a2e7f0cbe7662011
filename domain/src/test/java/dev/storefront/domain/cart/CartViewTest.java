package dev.storefront.domain.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.catalog.Sku;
import dev.storefront.domain.money.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

class CartViewTest {
    private static final Currency USD = Currency.getInstance("USD");
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private static Product product(long id, String price, int stock, boolean active) {
        return Product.restore(new ProductId(id), new Sku("SKU-" + id), "Product " + id, "", "Things",
                Money.of(price, USD), stock, active, NOW, List.of());
    }

    private static Cart cartOf(Object... productAndQuantity) {
        Cart cart = Cart.empty();
        for (int i = 0; i < productAndQuantity.length; i += 2) {
            Product product = (Product) productAndQuantity[i];
            cart.add(product.id(), new Quantity((Integer) productAndQuantity[i + 1]), 1000, NOW);
        }
        return cart;
    }

    @Test
    void totalsAreExactDecimalArithmetic() {
        Product dime = product(1, "0.10", 50, true);
        Product twenty = product(2, "0.20", 50, true);

        CartView view = CartView.of(cartOf(dime, 3, twenty, 1), List.of(dime, twenty), USD);

        assertEquals("0.30", view.items().get(0).lineTotal().toPlainString());
        assertEquals("0.20", view.items().get(1).lineTotal().toPlainString());
        assertEquals("0.50", view.subtotal().toPlainString(), "0.1 × 3 + 0.2 is 0.50, not 0.5000000000000001");
        assertEquals(4, view.itemCount());
        assertEquals(USD, view.currency());
    }

    @Test
    void linesShowTodaysPriceAndCatalogDataInTheOrderTheyWereAdded() {
        Product b = product(2, "19.99", 5, true);
        Product a = product(1, "5", 5, true);
        Cart cart = cartOf(b, 2, a, 1);

        CartView view = CartView.of(cart, List.of(a, b), USD);

        assertEquals(List.of(b.id(), a.id()), view.items().stream().map(CartView.Line::productId).toList());
        CartView.Line first = view.items().get(0);
        assertEquals(new Sku("SKU-2"), first.sku());
        assertEquals("Product 2", first.name());
        assertEquals(Money.of("19.99", USD), first.unitPrice());
        assertEquals(Money.of("39.98", USD), first.lineTotal());
        assertEquals("5.00", view.items().get(1).unitPrice().toPlainString());

        Product repriced = product(2, "21.50", 5, true);
        assertEquals(Money.of("43.00", USD), CartView.of(cart, List.of(a, repriced), USD).items().get(0).lineTotal(),
                "a cart keeps no price: the view uses the product's price of now");
    }

    @Test
    void flagsLinesWhoseProductWentInactiveOrNoLongerHasTheStock() {
        Product fine = product(1, "1.00", 2, true);
        Product inactive = product(2, "2.00", 10, false);
        Product soldOut = product(3, "3.00", 0, true);
        Product tooFew = product(4, "4.00", 1, true);

        CartView view = CartView.of(cartOf(fine, 2, inactive, 1, soldOut, 1, tooFew, 2),
                List.of(fine, inactive, soldOut, tooFew), USD);

        assertEquals(List.of(true, false, false, false), view.items().stream().map(CartView.Line::available).toList());
        assertEquals(6, view.itemCount(), "unavailable lines still count");
        assertEquals("15.00", view.subtotal().toPlainString(), "2 + 2 + 3 + 8: every listed line is in the subtotal");
    }

    @Test
    void aLineWhoseProductIsUnknownIsLeftOut() {
        Product known = product(1, "1.25", 9, true);
        CartView view = CartView.of(cartOf(known, 2, product(9, "9.00", 9, true), 1), List.of(known), USD);
        assertEquals(1, view.items().size());
        assertEquals("2.50", view.subtotal().toPlainString());
        assertEquals(2, view.itemCount());
    }

    @Test
    void anEmptyCartHasZeroTotalsNeverNull() {
        CartView empty = CartView.empty(USD);
        assertTrue(empty.isEmpty());
        assertEquals(0, empty.itemCount());
        assertEquals("0.00", empty.subtotal().toPlainString());
        assertEquals(empty, CartView.of(Cart.empty(), List.of(), USD));
    }

    @Test
    void anInactiveProductHasNoStockForACart() {
        Product active = product(1, "1.00", 7, true);
        Product inactive = product(2, "1.00", 7, false);
        assertEquals(7, CartStock.of(active));
        assertEquals(0, CartStock.of(inactive));
        var lookup = CartStock.lookup(List.of(active, inactive));
        assertEquals(7, lookup.applyAsInt(active.id()));
        assertEquals(0, lookup.applyAsInt(inactive.id()));
        assertEquals(0, lookup.applyAsInt(new ProductId(99)), "an unknown product has none");
        assertFalse(inactive.active());
    }

    @Test
    void aMergeWithAnInactiveProductKeepsTheSavedLineAndDropsTheGuestOne() {
        Product gone = product(1, "1.00", 7, false);
        Product other = product(2, "1.00", 7, true);
        Cart saved = cartOf(gone, 2);
        Cart guest = cartOf(gone, 3, other, 9);

        saved.mergeFrom(guest, CartStock.lookup(List.of(gone, other)));

        assertEquals(2, saved.line(gone.id()).orElseThrow().quantity().value(), "never shrinks a saved line");
        assertEquals(7, saved.line(other.id()).orElseThrow().quantity().value(), "capped at stock");
    }
}
