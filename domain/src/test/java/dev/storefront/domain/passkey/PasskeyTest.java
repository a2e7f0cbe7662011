package dev.storefront.domain.passkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.common.InvalidInputException;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PasskeyTest {
    private static Passkey withCounter(long count) {
        return new Passkey(new PasskeyId(1), new UserId(1), "cred", "data", count, "Key", Instant.EPOCH, null);
    }

    @Test
    void aCounterMustGrowUnlessBothAreZero() {
        assertTrue(withCounter(0).acceptsCounter(0), "an authenticator without a counter");
        assertTrue(withCounter(0).acceptsCounter(1));
        assertTrue(withCounter(5).acceptsCounter(6));
        assertFalse(withCounter(5).acceptsCounter(5), "a replayed or cloned key");
        assertFalse(withCounter(5).acceptsCounter(4));
        assertFalse(withCounter(5).acceptsCounter(0), "a counter that stopped counting");
    }

    @Test
    void aNameIsTrimmedDefaultedAndBounded() {
        assertEquals(PasskeyRules.DEFAULT_NAME, PasskeyRules.name(null));
        assertEquals(PasskeyRules.DEFAULT_NAME, PasskeyRules.name("   "));
        assertEquals("My phone", PasskeyRules.name("  My phone "));
        assertEquals("x".repeat(64), PasskeyRules.name("x".repeat(64)));
        assertThrows(InvalidInputException.class, () -> PasskeyRules.name("x".repeat(65)));
        assertThrows(InvalidInputException.class, () -> PasskeyRules.name("line\nbreak"));
        assertThrows(InvalidInputException.class, () -> PasskeyRules.name("lone \uD800 surrogate"));
    }
}
