package dev.storefront.domain.user;

import dev.storefront.domain.common.InvalidInputException;

/**
 * A logged-in user's TOTP or recovery code is not correct: wrong, of an already used step, or too
 * far from now; one message for all.
 */
public class WrongSecondFactorCode extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public WrongSecondFactorCode(String field) {
        super(field, "is not correct");
    }
}
