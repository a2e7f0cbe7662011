package dev.storefront.security;

import dev.storefront.domain.port.out.OneTimeCodes;
import dev.storefront.domain.user.RecoveryCode;
import dev.storefront.domain.user.Totp;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 codes with the JDK's HMAC-SHA-1 ({@link Mac}) and RFC 4226's dynamic truncation;
 * secrets and recovery codes from {@link SecureRandom}.
 */
public final class HmacOneTimeCodes implements OneTimeCodes {
    private static final String HMAC = "HmacSHA1";
    private static final int MODULUS = (int) Math.pow(10, Totp.DIGITS);
    private final SecureRandom random;

    public HmacOneTimeCodes() {
        this(new SecureRandom());
    }

    public HmacOneTimeCodes(SecureRandom random) {
        this.random = random;
    }

    @Override
    public byte[] newTotpSecret() {
        byte[] secret = new byte[Totp.SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }

    @Override
    public String totpCode(byte[] secret, long step) {
        return String.format("%0" + Totp.DIGITS + "d", truncated(secret, step) % MODULUS);
    }

    /** RFC 4226 section 5.3: 31 bits of the HMAC of the big-endian step, at the offset its last nibble names. */
    static int truncated(byte[] secret, long step) {
        byte[] hash;
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(secret, HMAC));
            hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing from this JDK", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        return ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
    }

    @Override
    public String newRecoveryCode() {
        byte[] bytes = new byte[RecoveryCode.BYTES];
        random.nextBytes(bytes);
        return RecoveryCode.format(bytes);
    }
}
