package dev.storefront.inmemory;

import dev.storefront.domain.port.out.OneTimeCodes;
import dev.storefront.domain.user.RecoveryCode;
import dev.storefront.domain.user.Totp;
import java.util.Arrays;
import java.util.Random;

/**
 * Predictable second-factor codes for tests: secrets and recovery codes from a seeded generator,
 * and a code per secret and step that tests can compute with {@link #totpCode} too (no HMAC:
 * only the rules around it are under test on the fakes).
 */
public final class InMemoryOneTimeCodes implements OneTimeCodes {
    private final Random random = new Random(42);

    @Override
    public synchronized byte[] newTotpSecret() {
        byte[] secret = new byte[Totp.SECRET_BYTES];
        random.nextBytes(secret);
        return secret;
    }

    @Override
    public String totpCode(byte[] secret, long step) {
        long mixed = Arrays.hashCode(secret) * 1_000_003L + step * 7_919L;
        return String.format("%06d", Math.floorMod(mixed, 1_000_000L));
    }

    @Override
    public synchronized String newRecoveryCode() {
        byte[] bytes = new byte[RecoveryCode.BYTES];
        random.nextBytes(bytes);
        return RecoveryCode.format(bytes);
    }
}
