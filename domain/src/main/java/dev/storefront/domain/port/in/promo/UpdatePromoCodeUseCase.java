package dev.storefront.domain.port.in.promo;

import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.promo.PromoCode;
import dev.storefront.domain.promo.PromoCodeNotFound;

/** Admin: change some settings of a promo code; its count of uses stays. */
@FunctionalInterface
public interface UpdatePromoCodeUseCase {
    /**
     * @throws PromoCodeNotFound     when there is no such code
     * @throws InvalidInputException naming each invalid field, also when the changed code as a whole
     *                               would break a rule (a value on free shipping, an end before the start)
     */
    PromoCode updatePromoCode(UpdatePromoCodeCommand command);
}
