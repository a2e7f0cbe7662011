package dev.storefront.bootstrap;

import dev.storefront.domain.cart.Cart;
import dev.storefront.domain.cart.CartLine;
import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.cart.Quantity;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.port.in.account.GrantAdminUseCase.GrantAdminCommand;
import dev.storefront.domain.port.in.catalog.CreateProductCommand;
import dev.storefront.domain.port.in.catalog.UpdateProductCommand;
import dev.storefront.domain.user.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Set-up for the order end-to-end tests: products through the facade, users registered and
 * logged in over HTTP, and carts saved straight into the cart repository (the cart's HTTP API is
 * not part of these tests).
 */
final class OrderTestKit {
    static final String PASSWORD = "correct horse battery";

    private final TestServer server;

    OrderTestKit(TestServer server) {
        this.server = server;
    }

    /** A logged-in user: its id and session cookie value. */
    record Shopper(String username, UserId id, String sid) {}

    Shopper shopper(String prefix) {
        String username = TestServer.uniqueName(prefix);
        HttpTestClient.Response registered = server.register(username, PASSWORD);
        if (registered.status() != 201) {
            throw new AssertionError("register: " + registered);
        }
        UserId id = new UserId(registered.json().path("user").path("id").asLong());
        return new Shopper(username, id, server.login(username, PASSWORD, null).sid());
    }

    Shopper admin(String prefix) {
        String username = TestServer.uniqueName(prefix);
        HttpTestClient.Response registered = server.register(username, PASSWORD);
        if (registered.status() != 201) {
            throw new AssertionError("register: " + registered);
        }
        storefront().accounts().grantAdmin().grantAdmin(new GrantAdminCommand(username));
        UserId id = new UserId(registered.json().path("user").path("id").asLong());
        return new Shopper(username, id, server.login(username, PASSWORD, null).sid());
    }

    Product product(String price, int stock) {
        String sku = TestServer.uniqueName("SKU-").toUpperCase(java.util.Locale.ROOT);
        return storefront().catalog().createProduct().createProduct(new CreateProductCommand(sku, "Product " + sku,
                "For the order tests", "Orders", new BigDecimal(price), stock, null));
    }

    /** Replaces the user's saved cart: pairs of product and quantity, in this order. */
    void fill(Shopper shopper, Object... productAndQuantity) {
        List<CartLine> lines = new ArrayList<>();
        for (int i = 0; i < productAndQuantity.length; i += 2) {
            lines.add(new CartLine(((Product) productAndQuantity[i]).id(),
                    new Quantity((Integer) productAndQuantity[i + 1]), Instant.now()));
        }
        storefront().cartRepository().save(CartOwner.user(shopper.id()), Cart.restore(lines));
    }

    Cart cart(Shopper shopper) {
        return storefront().cartRepository().load(CartOwner.user(shopper.id()));
    }

    int stock(Product product) {
        return stock(product.id());
    }

    /** The stock as the API shows it; for an inactive product (hidden from the API), as the store holds it. */
    int stock(ProductId id) {
        HttpTestClient.Response answer = server.get("/api/products/" + id.value(), null);
        if (answer.status() == 200) {
            return answer.json().path("product").path("stock").asInt();
        }
        // An update that changes nothing answers the stored product, active or not.
        return storefront().catalog().updateProduct().updateProduct(
                new UpdateProductCommand(id, null, null, null, null, null, null, null, null)).stock();
    }

    HttpTestClient.Response checkout(Shopper shopper, String... headers) {
        return server.send("POST", "/api/checkout", null, shopper.sid(), headers);
    }

    private Storefront storefront() {
        return server.server.storefront();
    }
}
