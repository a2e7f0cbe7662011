package dev.storefront.application.order;

import dev.storefront.domain.port.in.order.SweepIdempotencyKeysUseCase;
import dev.storefront.domain.port.out.IdempotencyKeyRepository;
import dev.storefront.domain.port.out.TimeSource;
import dev.storefront.domain.port.out.Transactions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Objects;

/** Forgets checkout idempotency keys once they are older than {@link #RETENTION}. */
public final class SweepIdempotencyKeysService implements SweepIdempotencyKeysUseCase {
    /** How long a key is kept at least: a retry within this time returns the first attempt's order. */
    public static final Duration RETENTION = Duration.ofHours(24);

    private final Transactions transactions;
    private final IdempotencyKeyRepository keys;
    private final TimeSource time;

    @Inject
    public SweepIdempotencyKeysService(Transactions transactions, IdempotencyKeyRepository keys, TimeSource time) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.time = Objects.requireNonNull(time, "time");
    }

    @Override
    public int sweepIdempotencyKeys() {
        return transactions.inTransaction(() -> keys.forgetUsedBefore(time.now().minus(RETENTION)));
    }
}
