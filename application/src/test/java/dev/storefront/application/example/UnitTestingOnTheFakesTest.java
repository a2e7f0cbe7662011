package dev.storefront.application.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storefront.application.cart.AddCartItemService;
import dev.storefront.application.catalog.CreateProductService;
import dev.storefront.application.order.CheckoutService;
import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.cart.CartView;
import dev.storefront.domain.cart.Quantity;
import dev.storefront.domain.catalog.InsufficientStock;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.order.Order;
import dev.storefront.domain.port.in.cart.AddCartItemCommand;
import dev.storefront.domain.port.in.catalog.CreateProductCommand;
import dev.storefront.domain.port.in.order.CheckoutCommand;
import dev.storefront.domain.user.UserId;
import dev.storefront.inmemory.InMemoryCartRepository;
import dev.storefront.inmemory.InMemoryIdempotencyKeyRepository;
import dev.storefront.inmemory.InMemoryOrderRepository;
import dev.storefront.inmemory.InMemoryProductRepository;
import dev.storefront.inmemory.InMemoryTransactions;
import dev.storefront.inmemory.ManualTimeSource;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The third way to use Storefront, exactly as the README shows it: an embedder's own unit test
 * that wires the real services on the shipped in-memory fakes, no database, no HTTP.
 */
class UnitTestingOnTheFakesTest {

    @Test
    void aCustomerBuysTheLastMugsAndTheNextCustomerIsToldHowManyAreLeft() {
        // README: "Unit tests on the in-memory fakes" — keep the two in step.
        Currency usd = Currency.getInstance("USD");
        InMemoryTransactions tx = new InMemoryTransactions();
        InMemoryProductRepository products = new InMemoryProductRepository(tx);
        InMemoryCartRepository carts = new InMemoryCartRepository(tx);
        InMemoryOrderRepository orders = new InMemoryOrderRepository(tx, usd);
        ManualTimeSource clock = new ManualTimeSource();

        var createProduct = new CreateProductService(products, tx, clock, usd);
        var addToCart = new AddCartItemService(carts, products, tx, clock, usd);
        var checkout = new CheckoutService(tx, carts, products, orders, new InMemoryIdempotencyKeyRepository(tx), clock);

        Product mug = createProduct.createProduct(
                new CreateProductCommand("MUG-1", "Stoneware mug", "", "Kitchen", new BigDecimal("9.50"), 2));
        CartOwner alice = CartOwner.user(new UserId(1));
        CartView cart = addToCart.addItem(new AddCartItemCommand(alice, mug.id(), new Quantity(2)));
        assertEquals("19.00", cart.subtotal().toPlainString());

        Order order = checkout.checkout(new CheckoutCommand(new UserId(1), Optional.empty())).order();
        assertEquals("19.00", order.total().toPlainString());
        assertEquals(0, products.findById(mug.id()).orElseThrow().stock());

        CartOwner bob = CartOwner.user(new UserId(2));
        InsufficientStock soldOut = assertThrows(InsufficientStock.class,
                () -> addToCart.addItem(new AddCartItemCommand(bob, mug.id(), new Quantity(1))));
        assertEquals(0, soldOut.shortages().get(0).available());
    }
}
