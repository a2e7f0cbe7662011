package dev.storefront.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecoveryCodeTest {
    private static final byte[] BYTES = {0x12, 0x34, 0x56, 0x78, (byte) 0x9a, (byte) 0xbc, (byte) 0xde, (byte) 0xf0, 1, 2};

    @Test
    void isEightyBitsInFourGroupsOfFourBase32Characters() {
        String code = RecoveryCode.format(BYTES);
        assertTrue(code.matches("[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}"), code);
        assertEquals(Base32.encode(BYTES), code.replace("-", ""));
        assertTrue(RecoveryCode.BYTES * 8 >= 50);
        assertThrows(IllegalArgumentException.class, () -> RecoveryCode.format(new byte[9]));
    }

    @Test
    void isComparedWithoutRegardToCaseDashesOrSpaces() {
        String code = RecoveryCode.format(BYTES);
        String normal = code.replace("-", "");
        assertEquals(Optional.of(normal), RecoveryCode.normalise(code));
        assertEquals(Optional.of(normal), RecoveryCode.normalise(code.toLowerCase(java.util.Locale.ROOT)));
        assertEquals(Optional.of(normal), RecoveryCode.normalise(normal.substring(0, 8) + " " + normal.substring(8)));
    }

    @Test
    void anythingElseIsNoCode() {
        for (String bad : new String[] {null, "", "ABCD-EFGH-IJKL", "ABCD-EFGH-IJKL-MNO1", "ABCD-EFGH-IJKL-MNOPQ",
                "A".repeat(100)}) {
            assertTrue(RecoveryCode.normalise(bad).isEmpty(), String.valueOf(bad));
        }
    }
}
