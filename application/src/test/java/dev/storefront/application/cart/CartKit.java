package dev.storefront.application.cart;

import dev.storefront.domain.cart.CartOwner;
import dev.storefront.domain.cart.CartView;
import dev.storefront.domain.catalog.NewProduct;
import dev.storefront.domain.catalog.Product;
import dev.storefront.domain.catalog.ProductId;
import dev.storefront.domain.session.SessionHandle;
import dev.storefront.domain.user.UserId;
import dev.storefront.inmemory.InMemoryCartRepository;
import dev.storefront.inmemory.InMemoryLocks;
import dev.storefront.inmemory.InMemoryProductRepository;
import dev.storefront.inmemory.InMemoryTransactions;
import dev.storefront.inmemory.ManualTimeSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** The cart services wired on the in-memory fakes, with helpers to make products and owners. */
final class CartKit {
    static final Currency USD = Currency.getInstance("USD");
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    final InMemoryTransactions transactions = new InMemoryTransactions();
    final InMemoryProductRepository products = new InMemoryProductRepository(transactions);
    final InMemoryCartRepository carts = new InMemoryCartRepository(transactions);
    final ManualTimeSource time = new ManualTimeSource(NOW);
    final InMemoryLocks locks = new InMemoryLocks(transactions);

    final GetCartService get = new GetCartService(carts, products, transactions, USD);
    final AddCartItemService add = new AddCartItemService(carts, products, transactions, locks, time, USD);
    final SetCartItemQuantityService set = new SetCartItemQuantityService(carts, products, transactions, locks, USD);
    final RemoveCartItemService remove = new RemoveCartItemService(carts, products, transactions, USD);
    final ClearCartService clear = new ClearCartService(carts, transactions, USD);
    final GuestCartMerger merger = new GuestCartMerger(carts, products, transactions, locks);
    final SavedCartStatistics statistics = new SavedCartStatistics(carts, transactions);

    private final AtomicLong ids = new AtomicLong();

    Product product(String price, int stock) {
        long n = ids.incrementAndGet();
        return products.add(NewProduct.create("SKU-" + n, "Product " + n, "", "Things", new BigDecimal(price), stock, null,
                USD, NOW));
    }

    Product deactivated(Product product) {
        Product inactive = product.deactivate();
        products.update(inactive);
        return inactive;
    }

    void restock(Product product, int stock) {
        products.update(product.change(null, null, null, null, null, stock, null, null));
    }

    CartOwner.User user() {
        return new CartOwner.User(new UserId(ids.incrementAndGet()));
    }

    static SessionHandle handle(long n) {
        return new SessionHandle("guest-handle-" + n + "-abcdefgh");
    }

    CartOwner.Guest guest() {
        return new CartOwner.Guest(handle(ids.incrementAndGet()));
    }

    /** productId → quantity of the view's lines. */
    static Map<ProductId, Integer> quantities(CartView view) {
        return view.items().stream().collect(Collectors.toMap(CartView.Line::productId, l -> l.quantity().value()));
    }

    static List<ProductId> ids(CartView view) {
        return view.items().stream().map(CartView.Line::productId).toList();
    }
}
