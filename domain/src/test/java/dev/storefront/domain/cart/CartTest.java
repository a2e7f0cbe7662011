package dev.storefront.domain.cart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.catalog.InsufficientStock;
import dev.storefront.domain.catalog.ProductId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CartTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final ProductId A = new ProductId(1);
    private static final ProductId B = new ProductId(2);
    private static final ProductId C = new ProductId(3);

    private static int quantity(Cart cart, ProductId product) {
        return cart.line(product).map(line -> line.quantity().value()).orElse(0);
    }

    @Test
    void addingTheSameProductAddsToItsLine() {
        Cart cart = Cart.empty();
        cart.add(A, new Quantity(2), 10, NOW);
        cart.add(A, new Quantity(3), 10, NOW.plusSeconds(5));
        assertEquals(1, cart.lines().size());
        assertEquals(5, quantity(cart, A));
        assertEquals(NOW, cart.line(A).orElseThrow().addedAt(), "a line keeps its first added time");
        assertEquals(5, cart.itemCount());
    }

    @Test
    void addingMoreThanTheStockIsAConflictNamingRequestedAndAvailable() {
        Cart cart = Cart.empty();
        cart.add(A, new Quantity(4), 5, NOW);
        InsufficientStock refused = assertThrows(InsufficientStock.class, () -> cart.add(A, new Quantity(2), 5, NOW));
        assertEquals(List.of(new InsufficientStock.Shortage(A, 6, 5)), refused.shortages());
        assertEquals(4, quantity(cart, A), "nothing changed");
        assertEquals(Map.of("productId", 1L, "requested", 6, "available", 5), refused.violations().get(0).details());
    }

    @Test
    void aLineHoldsAtMostNinetyNine() {
        Cart cart = Cart.empty();
        cart.add(A, new Quantity(99), 1000, NOW);
        assertThrows(CartLineLimitExceeded.class, () -> cart.add(A, new Quantity(1), 1000, NOW));
        assertThrows(IllegalArgumentException.class, () -> new Quantity(100));
        assertThrows(IllegalArgumentException.class, () -> new Quantity(0));
    }

    @Test
    void settingZeroRemovesTheLineAndSettingChecksStock() {
        Cart cart = Cart.empty();
        cart.add(A, new Quantity(2), 10, NOW);
        cart.set(A, 7, 10);
        assertEquals(7, quantity(cart, A));
        assertThrows(InsufficientStock.class, () -> cart.set(A, 11, 10));
        cart.set(A, 0, 10);
        assertTrue(cart.isEmpty());
        assertThrows(CartLineNotFound.class, () -> cart.set(A, 1, 10));
        assertThrows(CartLineNotFound.class, () -> cart.remove(A));
    }

    @Test
    void mergingAddsQuantitiesCappedAtStockAndNinetyNine() {
        Cart user = Cart.empty();
        user.add(A, new Quantity(3), 100, NOW);
        user.add(B, new Quantity(60), 100, NOW);
        Cart guest = Cart.empty();
        guest.add(A, new Quantity(4), 100, NOW);
        guest.add(B, new Quantity(60), 100, NOW);
        guest.add(C, new Quantity(5), 100, NOW);

        Map<ProductId, Integer> stock = Map.of(A, 5, B, 1000, C, 2);
        user.mergeFrom(guest, stock::get);

        assertEquals(5, quantity(user, A), "3 + 4 capped at stock 5");
        assertEquals(99, quantity(user, B), "60 + 60 capped at 99");
        assertEquals(2, quantity(user, C), "a new line capped at stock 2");
    }

    @Test
    void mergingNeverShrinksWhatTheUserSavedAndDropsGuestLinesWithoutStock() {
        Cart user = Cart.empty();
        user.add(A, new Quantity(8), 100, NOW);
        Cart guest = Cart.empty();
        guest.add(A, new Quantity(1), 100, NOW);
        guest.add(B, new Quantity(1), 100, NOW);

        user.mergeFrom(guest, product -> product.equals(A) ? 3 : 0);

        assertEquals(8, quantity(user, A), "stock fell to 3, but the saved 8 stays (flagged later)");
        assertTrue(user.line(B).isEmpty(), "a guest line with no stock is dropped");
    }

    @Test
    void restoreRefusesTwoLinesForOneProduct() {
        CartLine line = new CartLine(A, new Quantity(1), NOW);
        assertThrows(IllegalArgumentException.class, () -> Cart.restore(List.of(line, line)));
    }
}
