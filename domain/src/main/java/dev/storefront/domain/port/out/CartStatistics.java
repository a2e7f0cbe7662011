package dev.storefront.domain.port.out;

import dev.storefront.domain.user.UserId;

/** How many items are in a user's saved cart, for the dashboard. Filled by the cart feature. */
@FunctionalInterface
public interface CartStatistics {

    int itemCount(UserId userId);

    CartStatistics NONE = userId -> 0;
}
