package dev.storefront.domain.port.in.order;

import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.user.UserId;
import java.util.Objects;

/** One page of a user's orders. */
public record OrdersQuery(UserId userId, PageRequest page) {
    public OrdersQuery {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(page, "page");
    }
}
