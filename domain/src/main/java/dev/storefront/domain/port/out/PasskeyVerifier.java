package dev.storefront.domain.port.out;

import dev.storefront.domain.passkey.Passkey;
import dev.storefront.domain.passkey.PasskeyChallenge;
import dev.storefront.domain.passkey.PasskeyRejected;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks WebAuthn responses (the JSON serialisation a browser's {@code PublicKeyCredential.toJSON()}
 * gives) against the relying party's id and origin. Knows nothing of users or storage.
 */
public interface PasskeyVerifier {

    /**
     * Verifies a registration response: client data of type {@code webauthn.create} with this
     * challenge and the relying party's origin, authenticator data for its rp id with user
     * presence, an algorithm offered (ES256, RS256), and a valid attestation statement.
     *
     * @throws PasskeyRejected naming what failed
     */
    VerifiedRegistration verifyRegistration(String credentialJson, PasskeyChallenge challenge);

    /**
     * Reads an authentication response without verifying it: which credential and user handle it
     * claims, to find the stored passkey.
     *
     * @throws PasskeyRejected ({@code MALFORMED}) when it cannot be read
     */
    ClaimedAssertion readAssertion(String credentialJson);

    /**
     * Verifies an authentication response with the stored passkey's public key: type
     * {@code webauthn.get}, this challenge, origin, rp id, user presence, the signature.
     *
     * @return the authenticator's new signature counter (checking it against the stored one is the caller's rule)
     * @throws PasskeyRejected naming what failed
     */
    long verifyAssertion(String credentialJson, PasskeyChallenge challenge, Passkey passkey);

    /** A verified registration: the credential id (base64url), key material to store, the counter. */
    record VerifiedRegistration(String credentialId, String credentialData, long signCount) {
        public VerifiedRegistration {
            Objects.requireNonNull(credentialId, "credentialId");
            Objects.requireNonNull(credentialData, "credentialData");
        }
    }

    /** What an assertion says it is: a credential id and, for a discoverable credential, the user handle. */
    record ClaimedAssertion(String credentialId, Optional<String> userHandle) {
        public ClaimedAssertion {
            Objects.requireNonNull(credentialId, "credentialId");
            Objects.requireNonNull(userHandle, "userHandle");
        }
    }
}
