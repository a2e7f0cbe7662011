package dev.storefront.domain.passkey;

import java.util.List;
import java.util.Objects;

/**
 * What the browser needs for {@code navigator.credentials.create()}: the relying party, the user
 * (its random handle, never the database id), a fresh challenge, and the credentials it already has.
 */
public record PasskeyCreationOptions(RelyingParty relyingParty, String userHandle, String userName,
                                     PasskeyChallenge challenge, List<String> excludeCredentialIds) {
    public PasskeyCreationOptions {
        Objects.requireNonNull(relyingParty, "relyingParty");
        Objects.requireNonNull(userHandle, "userHandle");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(challenge, "challenge");
        excludeCredentialIds = List.copyOf(excludeCredentialIds);
    }
}
