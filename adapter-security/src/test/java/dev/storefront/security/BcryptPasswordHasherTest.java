package dev.storefront.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.out.PasswordHasher;
import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.port.out.contract.PasswordHasherContract;
import dev.storefront.domain.port.out.contract.TokenGeneratorContract;
import dev.storefront.domain.user.Password;
import dev.storefront.domain.user.PasswordHash;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BcryptPasswordHasherTest {

    @Nested
    class Contract extends PasswordHasherContract {
        @Override
        protected PasswordHasher createHasher() {
            return new BcryptPasswordHasher(4);
        }
    }

    @Nested
    class Tokens extends TokenGeneratorContract {
        @Override
        protected TokenGenerator createGenerator() {
            return new SecureTokenGenerator();
        }
    }

    @Test
    void hashesAreBcryptAtTheConfiguredCost() {
        PasswordHash hash = new BcryptPasswordHasher(5).hash(Password.of("correct horse"));
        assertTrue(hash.encoded().startsWith("$2y$05$"), hash.encoded().substring(0, 7));
        assertEquals(5, BcryptPasswordHasher.costOf(hash));
    }

    @Test
    void aHashOfLowerCostNeedsARehashAndOneOfHigherOrEqualCostDoesNot() {
        BcryptPasswordHasher cost6 = new BcryptPasswordHasher(6);
        assertTrue(cost6.needsRehash(new BcryptPasswordHasher(4).hash(Password.of("some password"))));
        assertFalse(cost6.needsRehash(new BcryptPasswordHasher(7).hash(Password.of("some password"))));
        assertTrue(cost6.needsRehash(new PasswordHash("garbage")));
    }

    @Test
    void verifiesHashesMadeByOtherBcryptImplementations() {
        // $2a$ as written by many libraries; same algorithm.
        String foreign = OpenBSDBCrypt.generate("2a", "hunter22!".toCharArray(), new byte[16], 4);
        assertTrue(new BcryptPasswordHasher(4).verify(Password.of("hunter22!"), new PasswordHash(foreign)));
    }

    @Test
    void wouldOtherwiseTruncateSoLongPasswordsNeverMatch() {
        // BouncyCastle itself ignores byte 73 onwards: prove the hazard, then that we do not fall into it.
        String base = "a".repeat(72);
        String raw = OpenBSDBCrypt.generate("2y", (base).toCharArray(), new byte[16], 4);
        boolean bouncyCastleTruncates;
        try {
            bouncyCastleTruncates = OpenBSDBCrypt.checkPassword(raw, (base + "EXTRA").toCharArray());
        } catch (IllegalArgumentException e) {
            bouncyCastleTruncates = false;
        }
        BcryptPasswordHasher hasher = new BcryptPasswordHasher(4);
        assertFalse(hasher.verify(Password.of(base + "EXTRA"), new PasswordHash(raw)),
                "BouncyCastle truncates: " + bouncyCastleTruncates);
        assertThrows(IllegalArgumentException.class, () -> hasher.hash(Password.of(base + "X")));
    }

    @Test
    void refusesCostsOutsideFourToThirtyOne() {
        assertThrows(IllegalArgumentException.class, () -> new BcryptPasswordHasher(3));
        assertThrows(IllegalArgumentException.class, () -> new BcryptPasswordHasher(32));
    }

    @Test
    void sessionSecretsAre32BytesIn43Base64UrlCharacters() {
        assertEquals(43, new SecureTokenGenerator().newSecret().length());
    }
}
