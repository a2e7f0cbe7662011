package dev.storefront.domain.port.out.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.session.SessionToken;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What every {@link TokenGenerator} does. */
public abstract class TokenGeneratorContract {

    protected abstract TokenGenerator createGenerator();

    @Test
    void secretsHaveAtLeast256BitsInBase64UrlAndAreSessionTokens() {
        String secret = createGenerator().newSecret();
        assertTrue(Base64.getUrlDecoder().decode(secret).length >= 32);
        assertTrue(secret.matches("[A-Za-z0-9_-]+"));
        assertTrue(SessionToken.parse(secret).isPresent());
    }

    @Test
    void secretsAndHandlesDoNotRepeat() {
        TokenGenerator tokens = createGenerator();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(tokens.newSecret()));
            assertTrue(seen.add(tokens.newHandle().value()));
        }
    }

    @Test
    void digestIsTheSha256OfTheSecretInHex() {
        TokenGenerator tokens = createGenerator();
        // SHA-256("abc"), from FIPS 180-2.
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", tokens.digest("abc").hex());
        String secret = tokens.newSecret();
        assertEquals(tokens.digest(secret), tokens.digest(secret));
        assertNotEquals(tokens.digest(secret), tokens.digest(tokens.newSecret()));
    }
}
