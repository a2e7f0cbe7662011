package dev.storefront.domain.port.in.promo;

import dev.storefront.domain.common.Page;
import dev.storefront.domain.common.PageRequest;
import dev.storefront.domain.promo.PromoCode;

/** Admin: every promo code, active or not, newest first. */
@FunctionalInterface
public interface ListPromoCodesUseCase {
    Page<PromoCode> listPromoCodes(PageRequest page);
}
