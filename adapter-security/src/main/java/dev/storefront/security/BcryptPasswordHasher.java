package dev.storefront.security;

import dev.storefront.domain.common.ServiceUnavailableException;
import dev.storefront.domain.port.out.PasswordHasher;
import dev.storefront.domain.user.Password;
import dev.storefront.domain.user.PasswordHash;
import dev.storefront.domain.user.PasswordPolicy;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * bcrypt through BouncyCastle's {@link OpenBSDBCrypt} ({@code $2y$}, 16-byte salt from
 * SecureRandom). BouncyCastle silently truncates passwords over 72 UTF-8 bytes: {@link #hash}
 * refuses them, {@link #verify} treats them as a mismatch (after a full-cost verification, so the
 * answer takes as long as any other). A malformed stored hash is a mismatch too, and is logged.
 * At most {@code maxConcurrent} hashes run at once, whoever calls, so that bcrypt cannot take every
 * CPU of the machine; a caller that waits too long for its turn gets a 503-category failure.
 */
public final class BcryptPasswordHasher implements PasswordHasher {
    private static final System.Logger LOG = System.getLogger(BcryptPasswordHasher.class.getName());
    public static final int MIN_COST = 4;
    public static final int MAX_COST = 31;
    static final String VERSION = "2y";
    private static final Pattern SHAPE = Pattern.compile("\\$2[abxy]?\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");
    private static final long MAX_WAIT_SECONDS = 30;

    private final int cost;
    private final SecureRandom random = new SecureRandom();
    private final Semaphore gate;
    private volatile PasswordHash dummy;

    public BcryptPasswordHasher(int cost, int maxConcurrent) {
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be from 4 to 31: " + cost);
        }
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1");
        }
        this.cost = cost;
        this.gate = new Semaphore(maxConcurrent, true);
    }

    /** At most one hash per available processor at a time. */
    public BcryptPasswordHasher(int cost) {
        this(cost, Runtime.getRuntime().availableProcessors());
    }

    public int cost() {
        return cost;
    }

    @Override
    public PasswordHash hash(Password password) {
        if (!PasswordPolicy.fitsHasher(password)) {
            throw new IllegalArgumentException("bcrypt takes at most " + PasswordPolicy.MAX_UTF8_BYTES
                    + " bytes; longer passwords are refused, never truncated");
        }
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] bytes = password.utf8();
        try {
            return new PasswordHash(gated(() -> OpenBSDBCrypt.generate(VERSION, bytes, salt, cost)));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public boolean verify(Password password, PasswordHash hash) {
        if (!SHAPE.matcher(hash.encoded()).matches()) {
            LOG.log(Level.WARNING, "a stored password hash is malformed; treated as a failed login");
            verifyAgainst(dummyHash().encoded(), new byte[] {0});
            return false;
        }
        if (!PasswordPolicy.fitsHasher(password)) {
            // Never matches (no such password can have been stored), but costs the same.
            verifyAgainst(hash.encoded(), new byte[] {0});
            return false;
        }
        return verifyAgainst(hash.encoded(), password.utf8());
    }

    private boolean verifyAgainst(String encoded, byte[] bytes) {
        try {
            return gated(() -> OpenBSDBCrypt.checkPassword(encoded, bytes));
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "a stored password hash could not be checked; treated as a failed login");
            return false;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        Matcher matcher = SHAPE.matcher(hash.encoded());
        return !matcher.matches() || Integer.parseInt(matcher.group(1)) < cost;
    }

    @Override
    public PasswordHash dummyHash() {
        PasswordHash result = dummy;
        if (result == null) {
            synchronized (this) {
                result = dummy;
                if (result == null) {
                    byte[] secret = new byte[32];
                    random.nextBytes(secret);
                    byte[] salt = new byte[16];
                    random.nextBytes(salt);
                    result = new PasswordHash(gated(() -> OpenBSDBCrypt.generate(VERSION, secret, salt, cost)));
                    dummy = result;
                }
            }
        }
        return result;
    }

    /** The cost a bcrypt hash was made with. */
    public static int costOf(PasswordHash hash) {
        Matcher matcher = SHAPE.matcher(hash.encoded());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a bcrypt hash");
        }
        return Integer.parseInt(matcher.group(1));
    }

    private interface Work<T> {
        T run();
    }

    private <T> T gated(Work<T> work) {
        boolean acquired;
        try {
            acquired = gate.tryAcquire(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailableException("The server is busy; try again shortly");
        }
        if (!acquired) {
            throw new ServiceUnavailableException("The server is busy; try again shortly");
        }
        try {
            return work.run();
        } finally {
            gate.release();
        }
    }
}
