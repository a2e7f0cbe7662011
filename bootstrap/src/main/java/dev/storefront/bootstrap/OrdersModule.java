package dev.storefront.bootstrap;

import dev.storefront.application.order.CancelOrderService;
import dev.storefront.application.order.ChangeOrderStatusService;
import dev.storefront.application.order.CheckoutPricing;
import dev.storefront.application.order.CheckoutService;
import dev.storefront.application.order.GetOrderService;
import dev.storefront.application.order.ListOrdersService;
import dev.storefront.application.order.QuoteCheckoutService;
import dev.storefront.application.order.SweepIdempotencyKeysService;
import dev.storefront.domain.port.out.CartRepository;
import dev.storefront.domain.port.out.IdempotencyKeyRepository;
import dev.storefront.domain.port.out.OrderRepository;
import dev.storefront.domain.port.out.ProductRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.port.out.UserRepository;
import dev.storefront.http.order.OrderRoutes;
import dev.storefront.persistence.jdbi.Database;
import dev.storefront.persistence.jdbi.JdbiCartRepository;
import dev.storefront.persistence.jdbi.JdbiIdempotencyKeyRepository;
import dev.storefront.persistence.jdbi.JdbiOrderRepository;
import java.util.Currency;

/** Checkout and orders, on the JDBI adapters. */
final class OrdersModule {
    final CartRepository carts;
    final OrderUseCases useCases;
    /** For the account export and deletion. */
    final OrderRepository orderRepository;
    final IdempotencyKeyRepository idempotencyKeys;

    /**
     * @param users    whose emails checkout checks when {@code REQUIRE_VERIFIED_EMAIL} is on
     * @param checkout the address book, shipping methods, rates, tax and promo codes checkout prices with
     */
    OrdersModule(Database database, StorefrontBuilder builder, ProductRepository products, UserRepository users,
                 CheckoutPorts checkout) {
        Currency currency = builder.config.currency();
        Transactions tx = database.transactions();
        OrderRepository orders = builder.orderRepositoryDecorator.apply(new JdbiOrderRepository(database, currency));
        JdbiIdempotencyKeyRepository keys = new JdbiIdempotencyKeyRepository(database);
        TimeSource time = builder.timeSource;
        carts = new JdbiCartRepository(database);
        CheckoutPricing pricing = new CheckoutPricing(products, checkout.addresses(), checkout.shippingMethods(),
                checkout.promoCodes(), checkout.shippingRates(), checkout.taxCalculator(),
                builder.config.storeCountry());
        useCases = new OrderUseCases(
                new CheckoutService(tx, database.locks(), carts, products, orders, keys, time, users,
                        builder.config.requireVerifiedEmail(), pricing),
                new QuoteCheckoutService(tx, carts, time, pricing),
                new ListOrdersService(tx, orders),
                new GetOrderService(tx, orders),
                new CancelOrderService(tx, orders, products, checkout.promoCodes(), time),
                new ChangeOrderStatusService(tx, orders, products, checkout.promoCodes(), time),
                new SweepIdempotencyKeysService(tx, keys, time));
        orderRepository = orders;
        idempotencyKeys = keys;
    }

    OrderRoutes.UseCases routeUseCases() {
        return new OrderRoutes.UseCases(useCases.checkout(), useCases.listOrders(), useCases.getOrder(),
                useCases.cancelOrder(), useCases.changeOrderStatus(), useCases.quoteCheckout());
    }
}
