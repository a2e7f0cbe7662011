package dev.storefront.domain.port.in.order;

import dev.storefront.domain.user.UserId;
import java.util.Objects;

/** What checking out the user's saved cart with these details would charge now. */
public record QuoteCheckoutQuery(UserId userId, CheckoutDetails details) {
    public QuoteCheckoutQuery {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(details, "details");
    }
}
