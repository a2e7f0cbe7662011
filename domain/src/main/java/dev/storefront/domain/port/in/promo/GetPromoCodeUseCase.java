package dev.storefront.domain.port.in.promo;

import dev.storefront.domain.promo.PromoCode;
import dev.storefront.domain.promo.PromoCodeId;
import dev.storefront.domain.promo.PromoCodeNotFound;

/** Admin: one promo code, active or not, with its count of uses. */
@FunctionalInterface
public interface GetPromoCodeUseCase {
    /** @throws PromoCodeNotFound when there is no such code */
    PromoCode getPromoCode(PromoCodeId code);
}
