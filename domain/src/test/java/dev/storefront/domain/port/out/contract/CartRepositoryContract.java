package dev.storefront.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.cart.CartLine;
import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.cart.Quantity;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.port.out.CartRepository;
import dev.storefront.domain.port.out.Transactions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CartRepository} does. Subclasses supply the repository, its transactions and
 * owners and products that exist in their store.
 */
public abstract class CartRepositoryContract {
    protected static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    protected abstract CartRepository repository();

    protected abstract Transactions transactions();

    /** A user that exists in the store, new on each call. */
    protected abstract CartOwner newUser();

    /** A guest session that exists in the store, new on each call. */
    protected abstract CartOwner newGuest();

    /** A product that exists in the store, new on each call. */
    protected abstract ProductId newProduct();

    private static Cart cartOf(CartLine... lines) {
        return Cart.restore(List.of(lines));
    }

    private static CartLine line(ProductId product, int quantity, long second) {
        return new CartLine(product, new Quantity(quantity), T0.plusSeconds(second));
    }

    @Test
    void anOwnerWithoutACartHasAnEmptyOne() {
        assertTrue(repository().load(newUser()).isEmpty());
        assertTrue(repository().load(newGuest()).isEmpty());
    }

    @Test
    void savedLinesComeBackInTheOrderTheyWereAdded() {
        CartOwner owner = newUser();
        ProductId a = newProduct();
        ProductId b = newProduct();
        ProductId c = newProduct();
        Cart cart = cartOf(line(c, 3, 1), line(a, 1, 2), line(b, 99, 3));
        transactions().inTransaction(() -> repository().save(owner, cart));

        assertEquals(cart.lines(), repository().load(owner).lines());
    }

    @Test
    void savingReplacesTheLinesAndAnEmptyCartStoresNothing() {
        CartOwner owner = newGuest();
        ProductId a = newProduct();
        ProductId b = newProduct();
        transactions().inTransaction(() -> repository().save(owner, cartOf(line(a, 1, 1), line(b, 2, 2))));
        transactions().inTransaction(() -> repository().save(owner, cartOf(line(b, 5, 2))));
        assertEquals(List.of(line(b, 5, 2)), repository().load(owner).lines());

        transactions().inTransaction(() -> repository().save(owner, Cart.empty()));
        assertTrue(repository().load(owner).isEmpty());
    }

    @Test
    void ownersDoNotSeeEachOthersCarts() {
        CartOwner user = newUser();
        CartOwner otherUser = newUser();
        CartOwner guest = newGuest();
        ProductId a = newProduct();
        transactions().inTransaction(() -> {
            repository().save(user, cartOf(line(a, 1, 1)));
            repository().save(guest, cartOf(line(a, 2, 1)));
        });
        assertEquals(1, repository().load(user).itemCount());
        assertEquals(2, repository().load(guest).itemCount());
        assertTrue(repository().load(otherUser).isEmpty());

        transactions().inTransaction(() -> repository().delete(guest));
        assertTrue(repository().load(guest).isEmpty());
        assertEquals(1, repository().load(user).itemCount(), "deleting one owner's cart leaves the others");
    }

    @Test
    void aFailedTransactionLeavesTheCartAsItWas() {
        CartOwner owner = newUser();
        ProductId a = newProduct();
        ProductId b = newProduct();
        transactions().inTransaction(() -> repository().save(owner, cartOf(line(a, 1, 1))));

        assertThrows(IllegalStateException.class, () -> transactions().inTransaction(() -> {
            repository().save(owner, cartOf(line(a, 4, 1), line(b, 2, 2)));
            throw new IllegalStateException("fault after the write");
        }));

        assertEquals(List.of(line(a, 1, 1)), repository().load(owner).lines());
    }

    @Test
    void savingALineAddsItLastOrChangesOnlyItsQuantity() {
        for (CartOwner owner : List.of(newUser(), newGuest())) {
            ProductId a = newProduct();
            ProductId b = newProduct();
            ProductId c = newProduct();
            transactions().inTransaction(() -> repository().save(owner, cartOf(line(a, 1, 1), line(b, 2, 2))));

            transactions().inTransaction(() -> repository().saveLine(owner, line(c, 3, 3)));
            assertEquals(List.of(line(a, 1, 1), line(b, 2, 2), line(c, 3, 3)), repository().load(owner).lines(),
                    "a new product's line comes last");

            transactions().inTransaction(() -> repository().saveLine(owner, line(a, 7, 9)));
            assertEquals(List.of(line(a, 7, 1), line(b, 2, 2), line(c, 3, 3)), repository().load(owner).lines(),
                    "a stored line takes the new quantity and keeps its place and time added");
        }
    }

    @Test
    void savingALineStartsACartAndLeavesOtherOwnersAlone() {
        CartOwner user = newUser();
        CartOwner guest = newGuest();
        ProductId a = newProduct();
        transactions().inTransaction(() -> repository().save(guest, cartOf(line(a, 5, 1))));

        transactions().inTransaction(() -> repository().saveLine(user, line(a, 2, 2)));

        assertEquals(List.of(line(a, 2, 2)), repository().load(user).lines());
        assertEquals(List.of(line(a, 5, 1)), repository().load(guest).lines());
    }

    @Test
    void removingALineLeavesTheOthersInTheirOrder() {
        for (CartOwner owner : List.of(newUser(), newGuest())) {
            CartOwner other = newUser();
            ProductId a = newProduct();
            ProductId b = newProduct();
            ProductId c = newProduct();
            transactions().inTransaction(() -> {
                repository().save(owner, cartOf(line(a, 1, 1), line(b, 2, 2), line(c, 3, 3)));
                repository().save(other, cartOf(line(b, 4, 1)));
            });

            transactions().inTransaction(() -> repository().removeLine(owner, b));
            assertEquals(List.of(line(a, 1, 1), line(c, 3, 3)), repository().load(owner).lines());
            assertEquals(List.of(line(b, 4, 1)), repository().load(other).lines(), "another owner's line stays");

            transactions().inTransaction(() -> repository().removeLine(owner, b));
            transactions().inTransaction(() -> repository().saveLine(owner, line(b, 6, 4)));
            assertEquals(List.of(line(a, 1, 1), line(c, 3, 3), line(b, 6, 4)), repository().load(owner).lines(),
                    "removing a missing line changes nothing; a line added again comes last");

            transactions().inTransaction(() -> {
                repository().removeLine(owner, a);
                repository().removeLine(owner, c);
                repository().removeLine(owner, b);
            });
            assertTrue(repository().load(owner).isEmpty());
        }
    }
}
