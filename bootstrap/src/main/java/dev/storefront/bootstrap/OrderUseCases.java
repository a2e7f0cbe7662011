package dev.storefront.bootstrap;

import dev.storefront.domain.port.in.order.CancelOrderUseCase;
import dev.storefront.domain.port.in.order.ChangeOrderStatusUseCase;
import dev.storefront.domain.port.in.order.CheckoutUseCase;
import dev.storefront.domain.port.in.order.GetOrderUseCase;
import dev.storefront.domain.port.in.order.ListOrdersUseCase;
import dev.storefront.domain.port.in.order.QuoteCheckoutUseCase;
import dev.storefront.domain.port.in.order.SweepIdempotencyKeysUseCase;

/** Checkout and the order use cases, as {@code storefront.orders()} gives them. */
public record OrderUseCases(
        CheckoutUseCase checkout,
        QuoteCheckoutUseCase quoteCheckout,
        ListOrdersUseCase listOrders,
        GetOrderUseCase getOrder,
        CancelOrderUseCase cancelOrder,
        ChangeOrderStatusUseCase changeOrderStatus,
        SweepIdempotencyKeysUseCase sweepIdempotencyKeys) {}
