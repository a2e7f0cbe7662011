package dev.storefront.domain.port.in.order;

import dev.storefront.domain.order.IdempotencyKey;
import dev.storefront.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/**
 * Check out the user's saved cart with the given address, method and promo code; with a key, a
 * retry returns the order of the first attempt (whatever details the retry carries).
 */
public record CheckoutCommand(UserId userId, Optional<IdempotencyKey> idempotencyKey, CheckoutDetails details) {
    public CheckoutCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(details, "details");
    }

    /** Without details: as checkout was before shipping methods existed. */
    public CheckoutCommand(UserId userId, Optional<IdempotencyKey> idempotencyKey) {
        this(userId, idempotencyKey, CheckoutDetails.NONE);
    }

    public CheckoutCommand(UserId userId) {
        this(userId, Optional.empty());
    }

    public CheckoutCommand(UserId userId, IdempotencyKey idempotencyKey) {
        this(userId, Optional.of(idempotencyKey));
    }

    public CheckoutCommand(UserId userId, CheckoutDetails details) {
        this(userId, Optional.empty(), details);
    }
}
