package dev.storefront.security;

import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.session.SessionHandle;
import dev.storefront.domain.session.TokenDigest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets of 32 bytes (256 bits) from {@link SecureRandom}, base64url without padding (43
 * characters); public session handles of 16 random bytes; SHA-256 digests in hex for storage.
 */
public final class SecureTokenGenerator implements TokenGenerator {
    public static final int SECRET_BYTES = 32;
    public static final int HANDLE_BYTES = 16;
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random;

    public SecureTokenGenerator() {
        this(new SecureRandom());
    }

    public SecureTokenGenerator(SecureRandom random) {
        this.random = random;
    }

    @Override
    public String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    @Override
    public SessionHandle newHandle() {
        byte[] bytes = new byte[HANDLE_BYTES];
        random.nextBytes(bytes);
        return new SessionHandle(BASE64URL.encodeToString(bytes));
    }

    @Override
    public TokenDigest digest(String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return new TokenDigest(HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
