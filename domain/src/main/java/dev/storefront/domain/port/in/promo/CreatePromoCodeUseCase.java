package dev.storefront.domain.port.in.promo;

import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.promo.DuplicatePromoCode;
import dev.storefront.domain.promo.PromoCode;

/** Admin: add a promo code (unused so far). */
@FunctionalInterface
public interface CreatePromoCodeUseCase {
    /**
     * @throws InvalidInputException naming each invalid field
     * @throws DuplicatePromoCode    when the code exists (in any case)
     */
    PromoCode createPromoCode(CreatePromoCodeCommand command);
}
