package dev.storefront.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class AesGcmSecretSealerTest {
    private static final byte[] SECRET = "12345678901234567890".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private final AesGcmSecretSealer sealer = new AesGcmSecretSealer(Base64.getDecoder().decode(AesGcmSecretSealer.newKey()));

    @Test
    void opensWhatItSealedWithAFreshNonceEachTime() {
        String once = sealer.seal(SECRET, "user:1");
        String twice = sealer.seal(SECRET, "user:1");
        assertNotEquals(once, twice);
        assertArrayEquals(SECRET, sealer.open(once, "user:1"));
        assertArrayEquals(SECRET, sealer.open(twice, "user:1"));
        assertFalse(once.contains(Base64.getUrlEncoder().withoutPadding().encodeToString(SECRET)));
    }

    @Test
    void aSealedSecretMovedToAnotherUsersRowDoesNotOpen() {
        String sealed = sealer.seal(SECRET, "user:1");
        assertThrows(IllegalStateException.class, () -> sealer.open(sealed, "user:2"));
    }

    @Test
    void anotherKeyOrATamperedValueDoesNotOpen() {
        String sealed = sealer.seal(SECRET, "user:1");
        AesGcmSecretSealer other = new AesGcmSecretSealer(Base64.getDecoder().decode(AesGcmSecretSealer.newKey()));
        assertThrows(IllegalStateException.class, () -> other.open(sealed, "user:1"));
        char last = sealed.charAt(sealed.length() - 1);
        String tampered = sealed.substring(0, sealed.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThrows(IllegalStateException.class, () -> sealer.open(tampered, "user:1"));
        assertThrows(IllegalStateException.class, () -> sealer.open("v1.AAAA", "user:1"));
        assertThrows(IllegalStateException.class, () -> sealer.open("plain", "user:1"));
    }

    @Test
    void refusesAKeyThatIsNot256Bits() {
        assertThrows(IllegalArgumentException.class, () -> new AesGcmSecretSealer(new byte[16]));
    }
}
