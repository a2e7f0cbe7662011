package dev.storefront.domain.port.in.order;

/** Forgets checkout idempotency keys older than their retention (at least 24 hours). */
@FunctionalInterface
public interface SweepIdempotencyKeysUseCase {
    /** @return how many keys were forgotten */
    int sweepIdempotencyKeys();
}
