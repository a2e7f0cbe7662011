package dev.storefront.bootstrap;

import dev.storefront.application.cart.AddCartItemService;
import dev.storefront.application.cart.ClearCartService;
import dev.storefront.application.cart.GetCartService;
import dev.storefront.application.cart.GuestCartMerger;
import dev.storefront.application.cart.RemoveCartItemService;
import dev.storefront.application.cart.SavedCartStatistics;
import dev.storefront.application.cart.SetCartItemQuantityService;
import dev.storefront.domain.port.out.CartStatistics;
import dev.storefront.domain.port.out.GuestSessionHandover;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.http.cart.CartRoutes;
import dev.storefront.persistence.jdbi.Database;
import dev.storefront.persistence.jdbi.JdbiCartRepository;
import java.util.Currency;

/**
 * The cart use cases on the JDBI cart and product repositories, and the two ports the accounts
 * feature calls: the guest cart merge at login and the dashboard's cart size.
 */
final class CartModule {
    final CartUseCases useCases;
    final GuestSessionHandover guestMerger;
    final CartStatistics statistics;

    CartModule(Database database, StorefrontBuilder builder, ProductRepository products) {
        Currency currency = builder.config.currency();
        JdbiCartRepository carts = new JdbiCartRepository(database);
        Transactions tx = database.transactions();
        useCases = new CartUseCases(
                new GetCartService(carts, products, tx, currency),
                new AddCartItemService(carts, products, tx, database.locks(), builder.timeSource, currency),
                new SetCartItemQuantityService(carts, products, tx, database.locks(), currency),
                new RemoveCartItemService(carts, products, tx, currency),
                new ClearCartService(carts, tx, currency));
        guestMerger = new GuestCartMerger(carts, products, tx, database.locks());
        statistics = new SavedCartStatistics(carts, tx);
    }

    CartRoutes.UseCases routeUseCases() {
        return new CartRoutes.UseCases(useCases.getCart(), useCases.addItem(), useCases.setItemQuantity(),
                useCases.removeItem(), useCases.clearCart());
    }
}
