package dev.storefront.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.user.RecoveryCode;
import dev.storefront.domain.user.Totp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HmacOneTimeCodesTest {
    private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private final HmacOneTimeCodes codes = new HmacOneTimeCodes();

    /** RFC 6238 appendix B, the SHA-1 rows: time and 8-digit TOTP; ours is its last 6 digits. */
    @Test
    void matchesTheRfc6238TestVectors() {
        Object[][] vectors = {{59L, "94287082"}, {1111111109L, "07081804"}, {1111111111L, "14050471"},
                {1234567890L, "89005924"}, {2000000000L, "69279037"}, {20000000000L, "65353130"}};
        for (Object[] v : vectors) {
            long step = Totp.stepAt(Instant.ofEpochSecond((Long) v[0]));
            assertEquals(((String) v[1]).substring(2), codes.totpCode(RFC_SEED, step), "T=" + v[0]);
        }
    }

    /** RFC 4226 appendix D: the HOTP values of counters 0 and 1 (the same HMAC and truncation). */
    @Test
    void matchesTheRfc4226TestVectors() {
        assertEquals("755224", codes.totpCode(RFC_SEED, 0));
        assertEquals("287082", codes.totpCode(RFC_SEED, 1));
    }

    @Test
    void secretsAre160RandomBits() {
        byte[] a = codes.newTotpSecret();
        byte[] b = codes.newTotpSecret();
        assertEquals(20, a.length);
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void recoveryCodesAreWellFormedAndDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            String code = codes.newRecoveryCode();
            assertTrue(RecoveryCode.normalise(code).isPresent(), code);
            assertTrue(seen.add(code));
        }
    }
}
