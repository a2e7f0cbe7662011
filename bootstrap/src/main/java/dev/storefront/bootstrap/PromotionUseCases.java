package dev.storefront.bootstrap;

import dev.storefront.domain.port.in.promo.CreatePromoCodeUseCase;
import dev.storefront.domain.port.in.promo.DeactivatePromoCodeUseCase;
import dev.storefront.domain.port.in.promo.GetPromoCodeUseCase;
import dev.storefront.domain.port.in.promo.ListPromoCodesUseCase;
import dev.storefront.domain.port.in.promo.UpdatePromoCodeUseCase;

/** The admin's promo code use cases, as {@code storefront.promotions()} gives them. */
public record PromotionUseCases(
        CreatePromoCodeUseCase createPromoCode,
        ListPromoCodesUseCase listPromoCodes,
        GetPromoCodeUseCase getPromoCode,
        UpdatePromoCodeUseCase updatePromoCode,
        DeactivatePromoCodeUseCase deactivatePromoCode) {}
