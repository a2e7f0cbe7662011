package dev.storefront.domain.user;

import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.InvalidInputException;
import java.util.List;

/** A verification token that is unknown, expired, used or superseded: one message for all. */
public class InvalidVerificationToken extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public InvalidVerificationToken() {
        super("The verification token is invalid or has expired",
                List.of(new FieldViolation("token", "is invalid or has expired")));
    }
}
