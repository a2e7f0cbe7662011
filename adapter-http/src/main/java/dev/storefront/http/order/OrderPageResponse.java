package dev.storefront.http.order;

import dev.storefront.domain.common.Page;
import dev.storefront.domain.order.Order;
import java.util.List;

/** {@code {"items": [OrderSummary…], "page", "pageSize", "total"}}. */
public record OrderPageResponse(List<OrderSummaryResponse> items, int page, int pageSize, long total) {
    public static OrderPageResponse from(Page<Order> page) {
        return new OrderPageResponse(page.items().stream().map(OrderSummaryResponse::from).toList(), page.page(),
                page.pageSize(), page.total());
    }
}
