package dev.storefront.domain.user;

import java.util.Objects;

/**
 * A user's TOTP secret as stored: sealed (encrypted, bound to the user), confirmed once the user
 * proved their app has it, and the last step whose code was accepted (no code of it or an earlier
 * step is accepted again).
 */
public record TotpCredential(UserId userId, String sealedSecret, boolean confirmed, long lastUsedStep) {
    /** {@code lastUsedStep} before any code was used (every real step is later). */
    public static final long NO_STEP_USED = 0;

    public TotpCredential {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(sealedSecret, "sealedSecret");
    }

    @Override
    public String toString() {
        return "TotpCredential[" + userId + ", confirmed=" + confirmed + ", lastUsedStep=" + lastUsedStep + "]";
    }
}
