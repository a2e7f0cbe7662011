package dev.storefront.domain.user;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Objects;

/**
 * A password in clear, as typed, normalised to Unicode NFC so that the same characters typed on
 * different systems hash the same. Never printed: {@link #toString()} hides it.
 */
public final class Password {
    private final String value;

    private Password(String value) {
        this.value = value;
    }

    /** The password as typed; normalised to NFC here, before anything hashes or checks it. */
    public static Password of(String typed) {
        Objects.requireNonNull(typed, "typed");
        return new Password(Normalizer.normalize(typed, Normalizer.Form.NFC));
    }

    /** The NFC-normalised text. Only hashers and the password policy should need it. */
    public String value() {
        return value;
    }

    public byte[] utf8() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    public int utf8Length() {
        return utf8().length;
    }

    /** Length in characters (code points), not UTF-16 units. */
    public int length() {
        return value.codePointCount(0, value.length());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Password p && p.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Password[hidden]";
    }
}
