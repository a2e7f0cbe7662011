package dev.storefront.domain.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.common.FieldViolation;
import dev.storefront.domain.common.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    private final PasswordPolicy policy = new PasswordPolicy(CommonPasswords.of(List.of("password1", "letmein123")));
    private final Username alice = new Username("alice_w");
    private final Email email = new Email("alice@example.com");

    private List<FieldViolation> check(String password) {
        return policy.violations("password", Password.of(password), alice, email);
    }

    @Test
    void acceptsALongUncommonPassword() {
        assertTrue(check("correct horse battery").isEmpty());
    }

    @Test
    void rejectsFewerThanEightCharacters() {
        assertEquals("must be at least 8 characters", check("short12").get(0).message());
        assertTrue(check("exactly8").isEmpty());
    }

    @Test
    void countsCharactersNotBytesForTheMinimum() {
        assertTrue(check("ééééééé").size() == 1, "7 characters are too few even in 14 bytes");
        assertTrue(check("éééééééé").isEmpty());
    }

    @Test
    void acceptsExactly72Utf8BytesAndRejects73() {
        assertTrue(check("a".repeat(72)).isEmpty());
        List<FieldViolation> violations = check("a".repeat(73));
        assertEquals(1, violations.size());
        assertEquals("password", violations.get(0).field());
        assertTrue(violations.get(0).message().contains("72 bytes"));
    }

    @Test
    void measuresTheLimitInUtf8BytesNotCharacters() {
        // 36 two-byte characters = 72 bytes; 37 = 74 bytes although only 37 characters.
        assertTrue(check("é".repeat(36)).isEmpty());
        assertEquals(1, check("é".repeat(37)).size());
    }

    @Test
    void normalisesToNfcBeforeMeasuring() {
        // "e" + combining acute (3 bytes per character decomposed) becomes "é" (2 bytes) in NFC.
        String decomposed = "e\u0301".repeat(36);
        assertEquals(36 * 2, Password.of(decomposed).utf8Length());
        assertTrue(check(decomposed).isEmpty());
        assertEquals(Password.of("é".repeat(36)), Password.of(decomposed));
    }

    @Test
    void rejectsTheUsernameOrEmailInAnyCase() {
        PasswordPolicy plain = new PasswordPolicy(CommonPasswords.of(List.of()));
        Username longName = new Username("alice_wonderland");
        assertEquals("must not be the same as the username or email",
                plain.violations("password", Password.of("ALICE_Wonderland"), longName, email).get(0).message());
        assertEquals(1, plain.violations("password", Password.of("Alice@Example.com"), longName, email).size());
    }

    @Test
    void rejectsCommonPasswordsIgnoringCase() {
        assertEquals("is too common; choose a less guessable password", check("Password1").get(0).message());
        assertEquals(1, check("LETMEIN123").size());
    }

    @Test
    void requireThrowsAFieldErrorOnTheGivenField() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> policy.require("newPassword", Password.of("short"), alice, email));
        assertEquals("newPassword", e.violations().get(0).field());
    }

    @Test
    void theShippedListLoadsOnceAndCatchesTheClassicsIgnoringCase() {
        CommonPasswords shipped = CommonPasswords.shipped();
        assertTrue(shipped.size() > 90_000, "size " + shipped.size());
        assertTrue(shipped.contains(Password.of("password")));
        assertTrue(shipped.contains(Password.of("iloveyou")));
        assertTrue(shipped.contains(Password.of("Sunshine")));
        assertTrue(!shipped.contains(Password.of("correct horse battery staple 42")));
        assertTrue(CommonPasswords.shipped() == shipped, "loaded once");
    }

    @Test
    void neverPrintsThePassword() {
        assertNotEquals(-1, Password.of("secret-value-1").toString().indexOf("hidden"));
        assertEquals(-1, Password.of("secret-value-1").toString().indexOf("secret-value-1"));
        assertEquals(-1, new PasswordHash("$2y$04$abc").toString().indexOf("abc"));
    }

    @Test
    void rejectsALoneSurrogateWhichUtf8WouldTurnIntoAQuestionMark() {
        assertEquals("must be valid Unicode text", check("\ud800Zq8!vLp2wR").get(0).message());
        assertEquals("must be valid Unicode text", check("Zq8!vLp2wR\udc00").get(0).message());
        assertTrue(check("Zq8!vLp2wR\ud83d\ude00").isEmpty(), "a proper surrogate pair (an emoji) is fine");
        assertFalse(PasswordPolicy.fitsHasher(Password.of("\ud800Zq8!vLp2wR")), "the hasher refuses it too");
    }
}
