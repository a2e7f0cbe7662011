package dev.storefront.inmemory;

import dev.storefront.domain.port.out.PasswordHasher;
import dev.storefront.domain.user.Password;
import dev.storefront.domain.user.PasswordHash;
import dev.storefront.domain.user.PasswordPolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fast stand-in for bcrypt with the same contract: salted, a "cost" recorded in the hash (so
 * rehash-on-login can be tested), over-long passwords rejected, malformed hashes a mismatch. It
 * counts hashes and verifications. Not for production: SHA-256 is far too fast for passwords.
 */
public final class InMemoryPasswordHasher implements PasswordHasher {
    private static final String PREFIX = "fake$";
    private final int cost;
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger hashes = new AtomicInteger();
    private final AtomicInteger verifications = new AtomicInteger();
    private volatile PasswordHash dummy;

    public InMemoryPasswordHasher(int cost) {
        this.cost = cost;
    }

    public InMemoryPasswordHasher() {
        this(12);
    }

    @Override
    public PasswordHash hash(Password password) {
        return hashWithCost(password, cost);
    }

    /** A hash at another cost, as an older configuration would have made it. */
    public PasswordHash hashWithCost(Password password, int hashCost) {
        if (!PasswordPolicy.fitsHasher(password)) {
            throw new IllegalArgumentException("password longer than " + PasswordPolicy.MAX_UTF8_BYTES + " bytes");
        }
        hashes.incrementAndGet();
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String saltText = Base64.getUrlEncoder().withoutPadding().encodeToString(salt);
        return new PasswordHash(PREFIX + hashCost + "$" + saltText + "$" + digest(saltText, password));
    }

    @Override
    public boolean verify(Password password, PasswordHash hash) {
        verifications.incrementAndGet();
        String[] parts = hash.encoded().split("\\$");
        if (parts.length != 4 || !hash.encoded().startsWith(PREFIX) || !PasswordPolicy.fitsHasher(password)) {
            return false;
        }
        return MessageDigest.isEqual(parts[3].getBytes(StandardCharsets.US_ASCII),
                digest(parts[2], password).getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        String[] parts = hash.encoded().split("\\$");
        try {
            return parts.length != 4 || Integer.parseInt(parts[1]) < cost;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    @Override
    public PasswordHash dummyHash() {
        PasswordHash result = dummy;
        if (result == null) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            result = hash(Password.of(Base64.getEncoder().encodeToString(secret)));
            hashes.decrementAndGet();
            dummy = result;
        }
        return result;
    }

    /** The cost recorded in a hash this hasher made. */
    public static int costOf(PasswordHash hash) {
        return Integer.parseInt(hash.encoded().split("\\$")[1]);
    }

    public int hashCount() {
        return hashes.get();
    }

    public int verificationCount() {
        return verifications.get();
    }

    private static String digest(String salt, Password password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest(password.utf8()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
