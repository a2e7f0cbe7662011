package dev.storefront.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.out.PasswordHasher;
import dev.storefront.domain.user.Password;
import dev.storefront.domain.user.PasswordHash;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PasswordHasher} does. */
public abstract class PasswordHasherContract {
    protected PasswordHasher hasher;

    protected abstract PasswordHasher createHasher();

    @BeforeEach
    void setUp() {
        hasher = createHasher();
    }

    @Test
    void verifiesTheRightPasswordAndRejectsAWrongOne() {
        PasswordHash hash = hasher.hash(Password.of("correct horse"));
        assertTrue(hasher.verify(Password.of("correct horse"), hash));
        assertFalse(hasher.verify(Password.of("correct horsE"), hash));
        assertFalse(hasher.verify(Password.of(""), hash));
    }

    @Test
    void saltsEveryHash() {
        assertNotEquals(hasher.hash(Password.of("same password")), hasher.hash(Password.of("same password")));
    }

    @Test
    void refusesToHashMoreThan72BytesInsteadOfTruncating() {
        assertThrows(IllegalArgumentException.class, () -> hasher.hash(Password.of("a".repeat(73))));
        PasswordHash hash = hasher.hash(Password.of("a".repeat(72)));
        assertTrue(hasher.verify(Password.of("a".repeat(72)), hash));
        assertFalse(hasher.verify(Password.of("a".repeat(73)), hash), "never matches by truncation");
    }

    @Test
    void matchesNfcEquivalentSpellings() {
        PasswordHash hash = hasher.hash(Password.of("caf\u00e9-au-lait"));
        assertTrue(hasher.verify(Password.of("cafe\u0301-au-lait"), hash));
    }

    @Test
    void treatsAMalformedHashAsAMismatchWithoutThrowing() {
        assertFalse(hasher.verify(Password.of("whatever1"), new PasswordHash("not-a-hash")));
        assertFalse(hasher.verify(Password.of("whatever1"), new PasswordHash("$2y$04$tooshort")));
    }

    @Test
    void aFreshHashNeedsNoRehashAndTheDummyMatchesNothingKnown() {
        assertFalse(hasher.needsRehash(hasher.hash(Password.of("fresh password"))));
        PasswordHash dummy = hasher.dummyHash();
        assertFalse(hasher.needsRehash(dummy));
        assertFalse(hasher.verify(Password.of("password"), dummy));
        assertFalse(hasher.verify(Password.of(""), dummy));
    }

    @Test
    void neverPrintsAHash() {
        PasswordHash hash = hasher.hash(Password.of("printable?"));
        assertFalse(hash.toString().contains(hash.encoded()));
    }
}
