package dev.storefront.domain.user;

/**
 * What a user has beside the password: whether TOTP is on, and how many passkeys are registered.
 * Kept on the user's row, written in the same transaction as the enrolment or the passkey it
 * counts, so every cached session shows it without another query.
 */
public record SecondFactors(boolean totp, int passkeys) {
    public static final SecondFactors NONE = new SecondFactors(false, 0);

    public SecondFactors {
        if (passkeys < 0) {
            throw new IllegalArgumentException("passkeys must not be negative");
        }
    }

    public SecondFactors withTotp(boolean enabled) {
        return new SecondFactors(enabled, passkeys);
    }

    public SecondFactors withPasskeys(int count) {
        return new SecondFactors(totp, count);
    }
}
