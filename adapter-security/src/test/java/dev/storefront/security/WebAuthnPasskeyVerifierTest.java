package dev.storefront.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storefront.domain.passkey.Passkey;
import dev.storefront.domain.passkey.PasskeyChallenge;
import dev.storefront.domain.passkey.PasskeyId;
import dev.storefront.domain.passkey.PasskeyRejected;
import dev.storefront.domain.passkey.PasskeyRejected.Reason;
import dev.storefront.domain.passkey.RelyingParty;
import dev.storefront.domain.port.out.PasskeyVerifier.ClaimedAssertion;
import dev.storefront.domain.port.out.PasskeyVerifier.VerifiedRegistration;
import dev.storefront.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The webauthn4j verifier against a software authenticator: the good paths and every refusal. */
class WebAuthnPasskeyVerifierTest {
    private static final String ORIGIN = "http://localhost:5005";
    private static final RelyingParty RP = new RelyingParty("localhost", ORIGIN, "Storefront");
    private static final PasskeyChallenge CHALLENGE = new PasskeyChallenge("A".repeat(43));
    private static final PasskeyChallenge OTHER = new PasskeyChallenge("B".repeat(43));
    private static final String HANDLE = "dXNlci1oYW5kbGU";

    private final WebAuthnPasskeyVerifier verifier = new WebAuthnPasskeyVerifier(RP);
    private final SoftwareAuthenticator authenticator = new SoftwareAuthenticator(ORIGIN, "localhost");

    private static void rejected(Reason reason, Executable call) {
        assertEquals(reason, assertThrows(PasskeyRejected.class, call).reason());
    }

    private Passkey registered(long counter) {
        VerifiedRegistration registration = verifier.verifyRegistration(
                authenticator.register(CHALLENGE.value(), HANDLE), CHALLENGE);
        return new Passkey(new PasskeyId(1), new UserId(1), registration.credentialId(),
                registration.credentialData(), counter, "Passkey", Instant.EPOCH, null);
    }

    @Test
    void acceptsAGoodRegistrationAndGivesTheCredentialId() {
        authenticator.counter(3);
        VerifiedRegistration registration = verifier.verifyRegistration(
                authenticator.register(CHALLENGE.value(), HANDLE), CHALLENGE);
        assertEquals(authenticator.credentialId(), registration.credentialId());
        assertEquals(3, registration.signCount());
    }

    @Test
    void refusesARegistrationForAnotherChallengeOriginOrRpId() {
        rejected(Reason.CHALLENGE, () -> verifier.verifyRegistration(
                authenticator.register(OTHER.value(), HANDLE), CHALLENGE));
        rejected(Reason.ORIGIN, () -> verifier.verifyRegistration(
                authenticator.origin("https://evil.example").register(CHALLENGE.value(), HANDLE), CHALLENGE));
        rejected(Reason.RP_ID, () -> verifier.verifyRegistration(
                authenticator.origin(ORIGIN).rpId("evil.example").register(CHALLENGE.value(), HANDLE), CHALLENGE));
    }

    @Test
    void refusesAnAssertionResponseOfferedAsARegistration() {
        Passkey passkey = registered(0);
        rejected(Reason.MALFORMED, () -> verifier.verifyRegistration(authenticator.assertion(CHALLENGE.value()),
                CHALLENGE));
        assertEquals(0, passkey.signCount());
    }

    @Test
    void refusesATamperedAttestation() {
        String good = authenticator.register(CHALLENGE.value(), HANDLE);
        String tampered = good.replace("\"attestationObject\":\"o2", "\"attestationObject\":\"o3");
        rejected(Reason.MALFORMED, () -> verifier.verifyRegistration(tampered, CHALLENGE));
    }

    @Test
    void refusesWhatIsNoCredentialAtAll() {
        for (String junk : new String[] {"{}", "[]", "null", "{\"id\":1}", "not json",
                "{\"id\":\"x\",\"rawId\":\"x\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"!!\"}}"}) {
            rejected(Reason.MALFORMED, () -> verifier.verifyRegistration(junk, CHALLENGE));
            rejected(Reason.MALFORMED, () -> verifier.readAssertion(junk));
        }
    }

    @Test
    void refusesAnAssertionWithoutARawIdAsMalformed() {
        // webauthn4j reads it with a null credential id: it must be a rejection, never an NPE (a 500).
        registered(0);
        String assertion = authenticator.assertion(CHALLENGE.value());
        String withoutRawId = assertion.replaceAll("\"rawId\"\\s*:\\s*\"[^\"]*\"\\s*,?", "");
        String nullRawId = assertion.replaceAll("\"rawId\"\\s*:\\s*\"[^\"]*\"", "\"rawId\":null");
        assertNotEquals(assertion, withoutRawId);
        rejected(Reason.MALFORMED, () -> verifier.readAssertion(withoutRawId));
        rejected(Reason.MALFORMED, () -> verifier.readAssertion(nullRawId));
    }

    @Test
    void acceptsAGoodAssertionAndGivesItsCounter() {
        Passkey passkey = registered(0);
        authenticator.counter(7);
        String assertion = authenticator.assertion(CHALLENGE.value());
        assertEquals(new ClaimedAssertion(passkey.credentialId(), Optional.of(HANDLE)), verifier.readAssertion(assertion));
        assertEquals(7, verifier.verifyAssertion(assertion, CHALLENGE, passkey));
    }

    @Test
    void refusesAnAssertionForAnotherChallengeOriginOrRpId() {
        Passkey passkey = registered(0);
        rejected(Reason.CHALLENGE, () -> verifier.verifyAssertion(authenticator.assertion(OTHER.value()),
                CHALLENGE, passkey));
        rejected(Reason.ORIGIN, () -> verifier.verifyAssertion(
                authenticator.origin("http://localhost:6006").assertion(CHALLENGE.value()), CHALLENGE, passkey));
        rejected(Reason.RP_ID, () -> verifier.verifyAssertion(
                authenticator.origin(ORIGIN).rpId("example.com").assertion(CHALLENGE.value()), CHALLENGE, passkey));
    }

    @Test
    void refusesAnAssertionSignedByAnotherKey() {
        Passkey passkey = registered(0);
        SoftwareAuthenticator impostor = new SoftwareAuthenticator(ORIGIN, "localhost");
        impostor.register(CHALLENGE.value(), HANDLE);
        String forged = impostor.assertion(CHALLENGE.value()).replace(impostor.credentialId(), passkey.credentialId());
        rejected(Reason.SIGNATURE, () -> verifier.verifyAssertion(forged, CHALLENGE, passkey));
    }

    @Test
    void refusesAnAssertionOfAnotherCredential() {
        Passkey passkey = registered(0);
        SoftwareAuthenticator other = new SoftwareAuthenticator(ORIGIN, "localhost");
        other.register(CHALLENGE.value(), HANDLE);
        rejected(Reason.SIGNATURE, () -> verifier.verifyAssertion(other.assertion(CHALLENGE.value()), CHALLENGE,
                passkey));
    }

    @Test
    void refusesACounterThatWentBackwards() {
        Passkey passkey = registered(10);
        authenticator.counter(5);
        rejected(Reason.COUNTER, () -> verifier.verifyAssertion(authenticator.assertion(CHALLENGE.value()),
                CHALLENGE, passkey));
    }
}
