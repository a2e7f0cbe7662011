package dev.storefront.domain.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.common.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UsernameTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "Alice", "bob_smith", "j.doe", "x-1", "9lives", "a2345678901234567890123456789012"})
    void acceptsThreeToThirtyTwoLettersDigitsAndUnderscoreDotDash(String name) {
        assertEquals(name, new Username(name).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "a23456789012345678901234567890123", "_alice", ".alice", "-alice", "al ice",
            "al@ice", "alïce", "аlice", "alice!"})
    void rejectsEverythingElseAsAFieldError(String name) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Username(name));
        assertEquals("username", e.violations().get(0).field());
    }

    @Test
    void isUniqueCaseInsensitively() {
        assertTrue(new Username("Alice").sameAs(new Username("aLICE")));
        assertEquals("alice", new Username("ALICE").key());
    }
}
