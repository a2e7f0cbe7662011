package dev.storefront.application.promo;

import dev.storefront.domain.port.in.promo.GetPromoCodeUseCase;
import dev.storefront.domain.port.out.PromoCodeRepository;
import dev.storefront.domain.promo.PromoCode;
import dev.storefront.domain.promo.PromoCodeId;
import dev.storefront.domain.promo.PromoCodeNotFound;
import jakarta.inject.Inject;
import java.util.Objects;

public final class GetPromoCodeService implements GetPromoCodeUseCase {
    private final PromoCodeRepository promoCodes;

    @Inject
    public GetPromoCodeService(PromoCodeRepository promoCodes) {
        this.promoCodes = Objects.requireNonNull(promoCodes, "promoCodes");
    }

    @Override
    public PromoCode getPromoCode(PromoCodeId code) {
        Objects.requireNonNull(code, "code");
        return promoCodes.findByCode(code).orElseThrow(PromoCodeNotFound::new);
    }
}
