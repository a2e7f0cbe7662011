package dev.storefront.application.promo;

import dev.storefront.domain.port.out.LockKey;
import dev.storefront.domain.promo.PromoCodeId;

/** The lock an admin change of a code takes before it reads the code to write it back whole. */
final class PromoCodeLocks {
    private PromoCodeLocks() {}

    static LockKey of(PromoCodeId code) {
        return new LockKey("promo-code:" + code.value());
    }
}
