package dev.storefront.domain.user;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.LongFunction;

/**
 * The rules of RFC 6238 time-based one-time passwords as Storefront uses them: SHA-1, 6 digits,
 * 30-second steps counted from the epoch, the current step and one on either side accepted (clock
 * drift and typing time). The HMAC itself is computed behind the {@code OneTimeCodes} port; a
 * used step is refused by the {@code TotpRepository} (replay).
 */
public final class Totp {
    public static final int DIGITS = 6;
    public static final long PERIOD_SECONDS = 30;
    /** Steps accepted on either side of the current one. */
    public static final int WINDOW = 1;
    /** 160 bits, as RFC 4226 recommends for HMAC-SHA-1. */
    public static final int SECRET_BYTES = 20;
    public static final String ISSUER = "Storefront";

    private Totp() {}

    /** The step {@code at} falls in. */
    public static long stepAt(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), PERIOD_SECONDS);
    }

    /** Whether {@code code} has the shape of a code (6 ASCII digits); anything else never matches. */
    public static boolean isWellFormed(String code) {
        if (code == null || code.length() != DIGITS) {
            return false;
        }
        for (int i = 0; i < DIGITS; i++) {
            if (code.charAt(i) < '0' || code.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The step within the window around {@code now} whose code is {@code code}, the earliest if
     * several; empty when none is. Every step of the window is compared, in constant time.
     *
     * @param codeAt the code of a step for the user's secret
     */
    public static OptionalLong matchingStep(String code, Instant now, LongFunction<String> codeAt) {
        if (!isWellFormed(code)) {
            return OptionalLong.empty();
        }
        long current = stepAt(now);
        OptionalLong found = OptionalLong.empty();
        byte[] given = code.getBytes(StandardCharsets.US_ASCII);
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            boolean equal = MessageDigest.isEqual(given, codeAt.apply(step).getBytes(StandardCharsets.US_ASCII));
            if (equal && found.isEmpty()) {
                found = OptionalLong.of(step);
            }
        }
        return found;
    }

    /** The {@code otpauth://} URI an authenticator app reads (from the QR code or typed in). */
    public static String otpauthUri(Username username, byte[] secret) {
        String label = encode(ISSUER) + ":" + encode(username.value());
        return "otpauth://totp/" + label + "?secret=" + Base32.encode(secret) + "&issuer=" + encode(ISSUER)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + PERIOD_SECONDS;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
