package dev.storefront.domain.user;

import java.util.Locale;

/**
 * RFC 4648 base32 (A–Z, 2–7) without padding: how authenticator apps take a TOTP secret, and the
 * alphabet of recovery codes (no 0/1/8/9, so nothing to confuse with O, I or B). An encoding, not
 * a cipher.
 */
public final class Base32 {
    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {}

    public static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(ALPHABET.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** Whether every character is of the alphabet, in either case. */
    public static boolean isBase32(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (ALPHABET.indexOf(Character.toUpperCase(text.charAt(i))) < 0) {
                return false;
            }
        }
        return true;
    }

    static String upper(String text) {
        return text.toUpperCase(Locale.ROOT);
    }
}
