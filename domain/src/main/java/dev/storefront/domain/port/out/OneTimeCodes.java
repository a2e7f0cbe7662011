package dev.storefront.domain.port.out;

/**
 * The cryptography of the second factor: TOTP secrets and recovery codes from a CSPRNG, and the
 * RFC 6238 code of a step (HMAC-SHA-1, dynamic truncation, {@link dev.storefront.domain.user.Totp#DIGITS}
 * digits). The rules around it (window, replay) are the domain's.
 */
public interface OneTimeCodes {

    /** A new secret of {@link dev.storefront.domain.user.Totp#SECRET_BYTES} random bytes. */
    byte[] newTotpSecret();

    /** The code of {@code step} for {@code secret}, zero-padded to the configured digits. */
    String totpCode(byte[] secret, long step);

    /** A new recovery code as shown to the user ({@link dev.storefront.domain.user.RecoveryCode#format}). */
    String newRecoveryCode();
}
