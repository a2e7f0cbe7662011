package dev.storefront.application.promo;

import dev.storefront.domain.port.in.promo.DeactivatePromoCodeUseCase;
import dev.storefront.domain.port.out.Locks;
import dev.storefront.domain.port.out.PromoCodeRepository;
import dev.storefront.domain.port.out.Transactions;
import dev.storefront.domain.promo.PromoCode;
import dev.storefront.domain.promo.PromoCodeId;
import dev.storefront.domain.promo.PromoCodeNotFound;
import jakarta.inject.Inject;
import java.util.Objects;

public final class DeactivatePromoCodeService implements DeactivatePromoCodeUseCase {
    private final PromoCodeRepository promoCodes;
    private final Transactions transactions;
    private final Locks locks;

    @Inject
    public DeactivatePromoCodeService(PromoCodeRepository promoCodes, Transactions transactions, Locks locks) {
        this.promoCodes = Objects.requireNonNull(promoCodes, "promoCodes");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.locks = Objects.requireNonNull(locks, "locks");
    }

    @Override
    public void deactivatePromoCode(PromoCodeId code) {
        Objects.requireNonNull(code, "code");
        transactions.inTransaction(() -> {
            // Same lock as an update: a concurrent PATCH cannot write the code back active.
            locks.lock(PromoCodeLocks.of(code));
            PromoCode current = promoCodes.findByCode(code).orElseThrow(PromoCodeNotFound::new);
            if (current.active()) {
                promoCodes.update(current.deactivate());
            }
        });
    }
}
