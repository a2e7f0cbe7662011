package dev.storefront.domain.session;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The secret a client holds for its session (the {@code SID} cookie value): 256 random bits in
 * base64url. Only its {@link TokenDigest} is stored. Never printed: {@link #toString()} hides it.
 */
public final class SessionToken {
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43,128}");
    private final String value;

    private SessionToken(String value) {
        this.value = value;
    }

    /** A token as generated ({@code TokenGenerator.newSecret()}). */
    public static SessionToken of(String value) {
        return parse(value).orElseThrow(() -> new IllegalArgumentException("not a session token"));
    }

    /** A token as presented by a client; empty when it cannot be one of ours. */
    public static Optional<SessionToken> parse(String value) {
        return value != null && SHAPE.matcher(value).matches() ? Optional.of(new SessionToken(value)) : Optional.empty();
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SessionToken t && t.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "SessionToken[hidden]";
    }
}
