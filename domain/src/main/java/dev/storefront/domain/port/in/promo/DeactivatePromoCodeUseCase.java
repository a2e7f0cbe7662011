package dev.storefront.domain.port.in.promo;

import dev.storefront.domain.promo.PromoCodeId;
import dev.storefront.domain.promo.PromoCodeNotFound;

/**
 * Admin: stop accepting a promo code. Nothing is deleted: orders keep it, and an update with
 * {@code active} brings it back. Deactivating an inactive code changes nothing.
 */
@FunctionalInterface
public interface DeactivatePromoCodeUseCase {
    /** @throws PromoCodeNotFound when there is no such code */
    void deactivatePromoCode(PromoCodeId code);
}
