package dev.storefront.inmemory;

import dev.storefront.domain.port.out.TokenGenerator;
import dev.storefront.domain.session.SessionHandle;
import dev.storefront.domain.session.TokenDigest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * Tokens from the JDK's SecureRandom and SHA-256 (the same contract as the production generator),
 * remembering every secret it issued so that tests can pick them up.
 */
public final class InMemoryTokenGenerator implements TokenGenerator {
    private final SecureRandom random = new SecureRandom();
    private final List<String> issued = new ArrayList<>();

    @Override
    public synchronized String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        issued.add(secret);
        return secret;
    }

    @Override
    public SessionHandle newHandle() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return new SessionHandle(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    @Override
    public TokenDigest digest(String secret) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return new TokenDigest(HexFormat.of().formatHex(hash));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every secret issued so far, oldest first. */
    public synchronized List<String> issued() {
        return List.copyOf(issued);
    }
}
