package dev.storefront.domain.passkey;

/** A stored passkey's id (what {@code DELETE /api/user/passkeys/{id}} names); not the credential id. */
public record PasskeyId(long value) {
    public PasskeyId {
        if (value <= 0) {
            throw new IllegalArgumentException("a passkey id is positive");
        }
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
