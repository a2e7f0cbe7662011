package dev.storefront.http.promo;

import dev.storefront.domain.promo.PromoCode;

/** {@code {"promoCode": PromoCode}}. */
public record SinglePromoCodeResponse(PromoCodeResponse promoCode) {
    public static SinglePromoCodeResponse from(PromoCode code) {
        return new SinglePromoCodeResponse(PromoCodeResponse.from(code));
    }
}
