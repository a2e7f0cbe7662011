package dev.storefront.domain.promo;

import dev.storefront.domain.common.NotFoundException;

/** No promo code with this code (for admins; a customer's unknown code is a {@link PromoCodeRejected}). */
public final class PromoCodeNotFound extends NotFoundException {
    private static final long serialVersionUID = 1L;

    public PromoCodeNotFound() {
        super("Promo code not found");
    }
}
