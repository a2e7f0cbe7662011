package dev.storefront.domain.promo;

import dev.storefront.domain.common.ConflictException;
import dev.storefront.domain.common.FieldViolation;
import java.util.List;

/** A promo code with this code exists already (codes are unique regardless of case). */
public final class DuplicatePromoCode extends ConflictException {
    private static final long serialVersionUID = 1L;

    public DuplicatePromoCode() {
        super("A promo code with this code exists already", List.of(new FieldViolation("code", "already exists")));
    }
}
