package dev.storefront.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class TotpTest {
    /** A stand-in code per step: the step's last six digits. */
    private static final LongFunction<String> CODE_OF_STEP = step -> String.format("%06d", step % 1_000_000);
    private static final Instant NOW = Instant.ofEpochSecond(59_000_015L * 30 + 10); // 10 s into step 59000015

    @Test
    void stepsAreThirtySecondsFromTheEpoch() {
        assertEquals(0, Totp.stepAt(Instant.ofEpochSecond(29)));
        assertEquals(1, Totp.stepAt(Instant.ofEpochSecond(30)));
        assertEquals(59_000_015L, Totp.stepAt(NOW));
    }

    @Test
    void acceptsTheCurrentStepAndOneOnEitherSide() {
        assertEquals(OptionalLong.of(59_000_015L), Totp.matchingStep("000015", NOW, CODE_OF_STEP));
        assertEquals(OptionalLong.of(59_000_014L), Totp.matchingStep("000014", NOW, CODE_OF_STEP));
        assertEquals(OptionalLong.of(59_000_016L), Totp.matchingStep("000016", NOW, CODE_OF_STEP));
    }

    @Test
    void refusesCodesMoreThanOneStepOff() {
        assertTrue(Totp.matchingStep("000013", NOW, CODE_OF_STEP).isEmpty());
        assertTrue(Totp.matchingStep("000017", NOW, CODE_OF_STEP).isEmpty());
    }

    @Test
    void refusesAnythingButSixDigits() {
        for (String bad : new String[] {null, "", "00015", "0000015", "00001a", " 00015", "٠٠٠٠١٥"}) {
            assertFalse(Totp.isWellFormed(bad), String.valueOf(bad));
            assertTrue(Totp.matchingStep(bad, NOW, CODE_OF_STEP).isEmpty());
        }
    }

    @Test
    void theOtpauthUriCarriesTheBase32SecretAndEncodesTheLabel() {
        byte[] secret = "12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals("otpauth://totp/Storefront:al.ice?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Storefront"
                + "&algorithm=SHA1&digits=6&period=30", Totp.otpauthUri(new Username("al.ice"), secret));
    }

    @Test
    void base32IsRfc4648WithoutPadding() {
        // RFC 4648 section 10 test vectors, padding removed.
        String[][] vectors = {{"", ""}, {"f", "MY"}, {"fo", "MZXQ"}, {"foo", "MZXW6"}, {"foob", "MZXW6YQ"},
                {"fooba", "MZXW6YTB"}, {"foobar", "MZXW6YTBOI"}};
        for (String[] v : vectors) {
            assertEquals(v[1], Base32.encode(v[0].getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        }
    }
}
