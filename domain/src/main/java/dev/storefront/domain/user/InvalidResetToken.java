package dev.storefront.domain.user;

import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.InvalidInputException;
import java.util.List;

/** A reset token that is unknown, expired or already used: one message for all three. */
public class InvalidResetToken extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public InvalidResetToken() {
        super("The reset token is invalid or has expired",
                List.of(new FieldViolation("token", "is invalid or has expired")));
    }
}
