package dev.storefront.http.order;

import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.order.IdempotencyKey;
import dev.storefront.domain.order.OrderId;
import dev.storefront.domain.port.in.order.CancelOrderCommand;
import dev.storefront.domain.port.in.order.CancelOrderUseCase;
import dev.storefront.domain.port.in.order.ChangeOrderStatusUseCase;
import dev.storefront.domain.port.in.order.CheckoutCommand;
import dev.storefront.domain.port.in.order.CheckoutResult;
import dev.storefront.domain.port.in.order.CheckoutUseCase;
import dev.storefront.domain.port.in.order.GetOrderUseCase;
import dev.storefront.domain.port.in.order.ListOrdersUseCase;
import dev.storefront.domain.port.in.order.OrderQuery;
import dev.storefront.domain.port.in.order.OrdersQuery;
import dev.storefront.domain.port.in.order.QuoteCheckoutQuery;
import dev.storefront.domain.port.in.order.QuoteCheckoutUseCase;
import dev.storefront.domain.user.UserId;
import dev.storefront.http.RouteGroup;
import dev.storefront.http.common.ApiRequest;
import dev.storefront.http.common.ApiResponse;
import dev.storefront.http.common.Router;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checkout and orders: {@code POST /api/checkout/quote} and {@code POST /api/checkout} (with an
 * optional {@code CheckoutRequest} body and, for the checkout, an optional {@code Idempotency-Key}), the
 * caller's history and order detail, the owner's cancel and the admin's status change. Every route
 * checks the caller first (401, then 403 for admin routes), before looking at ids or bodies.
 */
public final class OrderRoutes implements RouteGroup {
    /** Set to {@code true} on a checkout answered from an earlier attempt with the same key. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Set<String> PAGE_PARAMETERS = Set.of("page", "pageSize");

    /** The use cases these routes call. */
    public record UseCases(CheckoutUseCase checkout, ListOrdersUseCase listOrders, GetOrderUseCase getOrder,
                           CancelOrderUseCase cancelOrder, ChangeOrderStatusUseCase changeOrderStatus,
                           QuoteCheckoutUseCase quoteCheckout) {
        public UseCases {
            Objects.requireNonNull(quoteCheckout, "quoteCheckout");
            Objects.requireNonNull(checkout, "checkout");
            Objects.requireNonNull(listOrders, "listOrders");
            Objects.requireNonNull(getOrder, "getOrder");
            Objects.requireNonNull(cancelOrder, "cancelOrder");
            Objects.requireNonNull(changeOrderStatus, "changeOrderStatus");
        }
    }

    private final UseCases useCases;

    public OrderRoutes(UseCases useCases) {
        this.useCases = Objects.requireNonNull(useCases, "useCases");
    }

    @Override
    public void register(Router router) {
        router.post("/api/checkout", this::checkout);
        router.post("/api/checkout/quote", this::quote);
        router.get("/api/orders", this::list);
        router.get("/api/orders/{id}", this::get);
        router.post("/api/orders/{id}/cancel", this::cancel);
        router.post("/api/orders/{id}/status", this::changeStatus);
    }

    private ApiResponse checkout(ApiRequest request) {
        UserId user = request.requireUser().userId();
        Optional<IdempotencyKey> key = request.header("Idempotency-Key").map(IdempotencyKey::new);
        CheckoutResult result = useCases.checkout().checkout(
                new CheckoutCommand(user, key, CheckoutRequest.details(request)));
        SingleOrderResponse body = SingleOrderResponse.from(result.order());
        if (result.replayed()) {
            return ApiResponse.ok(body).header(REPLAYED_HEADER, "true");
        }
        return ApiResponse.created(body).header("Location", "/api/orders/" + result.order().id().value());
    }

    private ApiResponse quote(ApiRequest request) {
        UserId user = request.requireUser().userId();
        return ApiResponse.ok(QuoteResponse.from(
                useCases.quoteCheckout().quote(new QuoteCheckoutQuery(user, CheckoutRequest.details(request)))));
    }

    private ApiResponse list(ApiRequest request) {
        UserId user = request.requireUser().userId();
        request.requireOnlyQueryParameters(PAGE_PARAMETERS);
        int page = request.queryInt("page", 1, 1, PageRequest.MAX_PAGE);
        int pageSize = request.queryInt("pageSize", PageRequest.DEFAULT_PAGE_SIZE, 1, PageRequest.MAX_PAGE_SIZE);
        return ApiResponse.ok(OrderPageResponse.from(
                useCases.listOrders().listOrders(new OrdersQuery(user, new PageRequest(page, pageSize)))));
    }

    private ApiResponse get(ApiRequest request) {
        UserId user = request.requireUser().userId();
        OrderId id = new OrderId(request.pathId("id"));
        return ApiResponse.ok(SingleOrderResponse.from(useCases.getOrder().getOrder(new OrderQuery(user, id))));
    }

    private ApiResponse cancel(ApiRequest request) {
        UserId user = request.requireUser().userId();
        OrderId id = new OrderId(request.pathId("id"));
        return ApiResponse.ok(SingleOrderResponse.from(
                useCases.cancelOrder().cancelOrder(new CancelOrderCommand(user, id))));
    }

    private ApiResponse changeStatus(ApiRequest request) {
        request.requireAdmin();
        OrderId id = new OrderId(request.pathId("id"));
        ChangeOrderStatusRequest body = request.body(ChangeOrderStatusRequest.class);
        return ApiResponse.ok(SingleOrderResponse.from(
                useCases.changeOrderStatus().changeOrderStatus(body.toCommand(id))));
    }
}
