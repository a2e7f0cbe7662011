package dev.storefront.domain.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storefront.domain.common.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailTest {

    @Test
    void isStoredTrimmedAndLowerCased() {
        assertEquals("alice@example.com", new Email("  Alice@Example.COM ").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "alice", "alice@", "@example.com", "a@b@example.com", "alice@example", "alice@.example.com",
            "alice@example.com.", "alice@example..com", "al ice@example.com", "alice@exa\tmple.com"})
    void rejectsAddressesWithoutOneAtAndADottedDomain(String address) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Email(address));
        assertEquals("email", e.violations().get(0).field());
    }

    @Test
    void acceptsAtMost254Characters() {
        String longest = "a@" + "d".repeat(254 - 2 - 4) + ".com";
        assertEquals(254, new Email(longest).value().length());
        assertThrows(InvalidInputException.class, () -> new Email("a@" + "d".repeat(254 - 2 - 3) + ".com"));
    }

    @Test
    void rejectsALoneSurrogateSoTwoAddressesCannotBeStoredAlike() {
        assertFalse(Email.isValid("su\ud800@example.com"));
        assertFalse(Email.isValid("su\udc00@example.com"));
    }
}
