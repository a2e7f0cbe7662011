package dev.storefront.domain.port.in.order;

import dev.storefront.domain.order.IdempotencyKey;
import dev.storefront.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;

/** Check out the user's saved cart; with a key, a retry returns the order of the first attempt. */
public record CheckoutCommand(UserId userId, Optional<IdempotencyKey> idempotencyKey) {
    public CheckoutCommand {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }

    public CheckoutCommand(UserId userId) {
        this(userId, Optional.empty());
    }

    public CheckoutCommand(UserId userId, IdempotencyKey idempotencyKey) {
        this(userId, Optional.of(idempotencyKey));
    }
}
