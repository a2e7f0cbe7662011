package dev.storefront.domain.user;

import java.util.Optional;

/**
 * Recovery codes: 80 random bits each, shown as 16 base32 characters in groups of four
 * ({@code ABCD-EFGH-IJKL-MNOP}), compared without regard to case, dashes or spaces. Stored only as
 * the SHA-256 of their {@linkplain #normalise normal form}, each usable once.
 */
public final class RecoveryCode {
    public static final int COUNT = 10;
    public static final int BYTES = 10;
    private static final int LENGTH = BYTES * 8 / 5;
    private static final int GROUP = 4;

    private RecoveryCode() {}

    /** The code shown to the user for {@code BYTES} random bytes. */
    public static String format(byte[] random) {
        if (random.length != BYTES) {
            throw new IllegalArgumentException("a recovery code is made of " + BYTES + " bytes");
        }
        String plain = Base32.encode(random);
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < plain.length(); i += GROUP) {
            if (i > 0) {
                shown.append('-');
            }
            shown.append(plain, i, i + GROUP);
        }
        return shown.toString();
    }

    /** The normal form of what a user typed (upper case, no dashes or spaces); empty when it cannot be a code. */
    public static Optional<String> normalise(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        String plain = Base32.upper(typed.replace("-", "").replace(" ", ""));
        return plain.length() == LENGTH && Base32.isBase32(plain) ? Optional.of(plain) : Optional.empty();
    }
}
