package dev.storefront.inmemory;

import dev.storefront.domain.port.out.SecretSealer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A stand-in for tests that hides nothing (the secret is only base64-encoded) but keeps the
 * port's promise that a sealed value opens with its own context only.
 */
public final class InMemorySecretSealer implements SecretSealer {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    @Override
    public String seal(byte[] secret, String context) {
        return ENCODER.encodeToString(context.getBytes(StandardCharsets.UTF_8)) + "." + ENCODER.encodeToString(secret);
    }

    @Override
    public byte[] open(String sealed, String context) {
        int dot = sealed.indexOf('.');
        String expected = ENCODER.encodeToString(context.getBytes(StandardCharsets.UTF_8));
        if (dot < 0 || !sealed.substring(0, dot).equals(expected)) {
            throw new IllegalStateException("sealed for another context");
        }
        return Base64.getUrlDecoder().decode(sealed.substring(dot + 1));
    }
}
