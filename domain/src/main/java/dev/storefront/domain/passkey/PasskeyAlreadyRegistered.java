package dev.storefront.domain.passkey;

import dev.storefront.domain.common.ConflictException;
import dev.storefront.domain.common.FieldViolation;
import java.util.List;

/** The credential is registered already (by this user or another). */
public final class PasskeyAlreadyRegistered extends ConflictException {
    private static final long serialVersionUID = 1L;

    public PasskeyAlreadyRegistered() {
        super("This passkey is registered already",
                List.of(new FieldViolation("credential", "is registered already")));
    }
}
