package dev.storefront.domain.passkey;

import java.util.Objects;

/** What the browser needs for {@code navigator.credentials.get()} of a discoverable credential. */
public record PasskeyRequestOptions(String relyingPartyId, PasskeyChallenge challenge) {
    public PasskeyRequestOptions {
        Objects.requireNonNull(relyingPartyId, "relyingPartyId");
        Objects.requireNonNull(challenge, "challenge");
    }
}
