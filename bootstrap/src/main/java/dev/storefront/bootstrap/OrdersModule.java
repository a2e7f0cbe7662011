package dev.storefront.bootstrap;

import dev.storefront.application.order.CancelOrderService;
import dev.storefront.application.order.ChangeOrderStatusService;
import dev.storefront.application.order.CheckoutService;
import dev.storefront.application.order.GetOrderService;
import dev.storefront.application.order.ListOrdersService;
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

    /** @param users whose emails checkout checks when {@code REQUIRE_VERIFIED_EMAIL} is on */
    OrdersModule(Database database, StorefrontBuilder builder, ProductRepository products, UserRepository users) {
        Currency currency = builder.config.currency();
        Transactions tx = database.transactions();
        OrderRepository orders = builder.orderRepositoryDecorator.apply(new JdbiOrderRepository(database, currency));
        JdbiIdempotencyKeyRepository keys = new JdbiIdempotencyKeyRepository(database);
        TimeSource time = builder.timeSource;
        carts = new JdbiCartRepository(database);
        useCases = new OrderUseCases(
                new CheckoutService(tx, database.locks(), carts, products, orders, keys, time, users,
                        builder.config.requireVerifiedEmail()),
                new ListOrdersService(tx, orders),
                new GetOrderService(tx, orders),
                new CancelOrderService(tx, orders, products, time),
                new ChangeOrderStatusService(tx, orders, products, time),
                new SweepIdempotencyKeysService(tx, keys, time));
        orderRepository = orders;
        idempotencyKeys = keys;
    }

    OrderRoutes.UseCases routeUseCases() {
        return new OrderRoutes.UseCases(useCases.checkout(), useCases.listOrders(), useCases.getOrder(),
                useCases.cancelOrder(), useCases.changeOrderStatus());
    }
}
