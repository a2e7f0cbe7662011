package dev.storefront.domain.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storefront.domain.common.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    @Test
    void oneTo255VisibleAsciiCharactersAreAKey() {
        for (String valid : List.of("a", "3f2b9c1e-8f0d-4f7a-9a6e-0c1d2e3f4a5b", "!~{}[]/+=", "x".repeat(255))) {
            assertEquals(valid, new IdempotencyKey(valid).value());
        }
    }

    @Test
    void anythingElseIsAnInvalidHeader() {
        for (String invalid : List.of("", " ", "has space", "tab\there", "x".repeat(256), "caf\u00e9", "line\nbreak",
                "\u007f")) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> new IdempotencyKey(invalid),
                    invalid);
            assertEquals(IdempotencyKey.FIELD, e.violations().get(0).field());
        }
    }
}
