package dev.storefront.security;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.BadChallengeException;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.BadSignatureException;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.VerificationException;
import dev.storefront.domain.passkey.Passkey;
import dev.storefront.domain.passkey.PasskeyChallenge;
import dev.storefront.domain.passkey.PasskeyRejected;
import dev.storefront.domain.passkey.PasskeyRejected.Reason;
import dev.storefront.domain.passkey.RelyingParty;
import dev.storefront.domain.port.out.PasskeyVerifier;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link PasskeyVerifier} on webauthn4j's non-strict manager: it checks client data, origin, rp id,
 * user presence, algorithm and signature, and accepts any attestation statement it can verify
 * without a trust anchor (the options ask for {@code "none"}: no device is trusted by make). User
 * verification is preferred, not required. What the library cannot read is {@code MALFORMED}:
 * a client's bytes never become a 500.
 */
public final class WebAuthnPasskeyVerifier implements PasskeyVerifier {
    /** What the creation options offer: ES256 and RS256 (nearly every authenticator has one). */
    static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder FROM_BASE64URL = Base64.getUrlDecoder();

    private final RelyingParty relyingParty;
    private final Origin origin;
    private final WebAuthnManager manager;
    private final AttestedCredentialDataConverter credentialData;

    public WebAuthnPasskeyVerifier(RelyingParty relyingParty) {
        this.relyingParty = Objects.requireNonNull(relyingParty, "relyingParty");
        this.origin = new Origin(relyingParty.origin());
        ObjectConverter converter = new ObjectConverter();
        this.manager = WebAuthnManager.createNonStrictWebAuthnManager(converter);
        this.credentialData = new AttestedCredentialDataConverter(converter);
    }

    private ServerProperty server(PasskeyChallenge challenge) {
        return ServerProperty.builder().origin(origin).rpId(relyingParty.id())
                .challenge(new DefaultChallenge(challenge.value())).build();
    }

    @Override
    public VerifiedRegistration verifyRegistration(String credentialJson, PasskeyChallenge challenge) {
        RegistrationData data = read(() -> manager.parseRegistrationResponseJSON(credentialJson));
        verify(() -> manager.verify(data, new RegistrationParameters(server(challenge), ALGORITHMS, false, true)),
                Reason.ATTESTATION);
        AttestedCredentialData attested = data.getAttestationObject().getAuthenticatorData().getAttestedCredentialData();
        if (attested == null) {
            throw new PasskeyRejected(Reason.MALFORMED);
        }
        return new VerifiedRegistration(BASE64URL.encodeToString(attested.getCredentialId()),
                BASE64URL.encodeToString(credentialData.convert(attested)),
                data.getAttestationObject().getAuthenticatorData().getSignCount());
    }

    @Override
    public ClaimedAssertion readAssertion(String credentialJson) {
        AuthenticationData data = read(() -> manager.parseAuthenticationResponseJSON(credentialJson));
        if (data.getCredentialId() == null) { // the library parses a missing or null rawId so
            throw new PasskeyRejected(Reason.MALFORMED);
        }
        byte[] userHandle = data.getUserHandle();
        return new ClaimedAssertion(BASE64URL.encodeToString(data.getCredentialId()),
                userHandle == null || userHandle.length == 0 ? Optional.empty()
                        : Optional.of(BASE64URL.encodeToString(userHandle)));
    }

    @Override
    public long verifyAssertion(String credentialJson, PasskeyChallenge challenge, Passkey passkey) {
        AuthenticationData data = read(() -> manager.parseAuthenticationResponseJSON(credentialJson));
        AttestedCredentialData attested = read(() ->
                credentialData.convert(FROM_BASE64URL.decode(passkey.credentialData())));
        CredentialRecordImpl record = new CredentialRecordImpl(new NoneAttestationStatement(), null, null, null,
                passkey.signCount(), attested, null, null, null, null);
        List<byte[]> allowed = List.of(attested.getCredentialId()); // the response must name the stored credential
        verify(() -> manager.verify(data, new AuthenticationParameters(server(challenge), record, allowed, false, true)),
                Reason.SIGNATURE);
        return data.getAuthenticatorData().getSignCount();
    }

    private static <T> T read(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (RuntimeException unreadable) { // the library's DataConversionException, or worse on odd bytes
            throw new PasskeyRejected(Reason.MALFORMED);
        }
    }

    private static void verify(Runnable check, Reason otherwise) {
        try {
            check.run();
        } catch (BadChallengeException e) {
            throw new PasskeyRejected(Reason.CHALLENGE);
        } catch (BadOriginException e) {
            throw new PasskeyRejected(Reason.ORIGIN);
        } catch (BadRpIdException e) {
            throw new PasskeyRejected(Reason.RP_ID);
        } catch (BadSignatureException e) {
            throw new PasskeyRejected(Reason.SIGNATURE);
        } catch (MaliciousCounterValueException e) {
            throw new PasskeyRejected(Reason.COUNTER);
        } catch (VerificationException e) {
            throw new PasskeyRejected(otherwise);
        } catch (RuntimeException e) { // a structure the parser let through but the checks cannot handle
            throw new PasskeyRejected(Reason.MALFORMED);
        }
    }
}
